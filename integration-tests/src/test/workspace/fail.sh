#!/bin/sh
# Always fails: prints to stderr and exits 3.
echo "something went wrong in fail.sh (try $BATON_TRY)" >&2
exit 3
