"""The screens of the desktop game; see ``base`` for how to write one."""
