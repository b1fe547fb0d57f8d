#!/bin/sh
# Never finishes by itself: starts a marked background child and sleeps. Used for timeout/cancel tests;
# the marker (params.marker) lets a test check that the whole process tree was killed.
marker=$(sed -n 's/.*"marker" *: *"\([^"]*\)".*/\1/p')
sh -c "sleep 600; echo $marker" &
sleep 600
