"""Tests of the rules loader (a package, so its test modules may share names with other test folders)."""
