"""One reader per calculator: its slot table and the patterns only it needs."""
