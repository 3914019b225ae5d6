# Every option of every program is completed: those its --help, usage and
# man page name, and none it does not take (options.bash).
bash ./options.bash
