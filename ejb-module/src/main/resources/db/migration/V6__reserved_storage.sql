-- PLACEHOLDER (branch act only): version 6 is reserved for the storage branch's migration. It exists
-- here only so that V8 applies in this branch (versions must be contiguous); drop this file and its
-- line in migrations.txt when the real V6 is merged.
SELECT 1;
