"""The subcommands of ``python -m nqpf``; see :data:`nqpf.cli.COMMANDS`."""
