# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_orch_global_optspecs
    string join \n socket= config= data-dir= json q/quiet color= no-autostart h/help V/version
end

function __fish_orch_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_orch_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_orch_using_subcommand
    set -l cmd (__fish_orch_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c orch -n "__fish_orch_needs_command" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_needs_command" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_needs_command" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_needs_command" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_needs_command" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_needs_command" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_needs_command" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_needs_command" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_needs_command" -f -a "status" -d 'Show the daemon\'s version, uptime, pid, socket, data dir, schema version and counts'
complete -c orch -n "__fish_orch_needs_command" -f -a "daemon" -d 'Start, stop and inspect the orchd daemon'
complete -c orch -n "__fish_orch_needs_command" -f -a "config" -d 'Show, check and reload the configuration'
complete -c orch -n "__fish_orch_needs_command" -f -a "db" -d 'Inspect the daemon\'s SQLite database'
complete -c orch -n "__fish_orch_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand status" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand status" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand status" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand status" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand status" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand status" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand status" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand status" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -f -a "start" -d 'Start orchd in the background (a no-op when it already runs)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -f -a "stop" -d 'Stop orchd gracefully and wait until it has exited'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -f -a "status" -d 'Say whether orchd is running (exit code 3 when it is not)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -f -a "logs" -d 'Show orchd\'s recent log lines'
complete -c orch -n "__fish_orch_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status logs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l timeout -d 'Seconds to wait for the daemon to exit' -r
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -s n -l lines -d 'How many recent lines to show' -r
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new lines until interrupted'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start orchd in the background (a no-op when it already runs)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop orchd gracefully and wait until it has exited'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "status" -d 'Say whether orchd is running (exit code 3 when it is not)'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show orchd\'s recent log lines'
complete -c orch -n "__fish_orch_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -f -a "show" -d 'Print the effective configuration (file, environment and flags applied) as TOML'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -f -a "check" -d 'Validate a configuration file (default: the one orch would read)'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -f -a "path" -d 'Print the path of the configuration file orch reads'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -f -a "reload" -d 'Make the running daemon re-read its configuration file (like SIGHUP)'
complete -c orch -n "__fish_orch_using_subcommand config; and not __fish_seen_subcommand_from show check path reload help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -l daemon -d 'Show the configuration the running daemon uses instead'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from reload" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective configuration (file, environment and flags applied) as TOML'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate a configuration file (default: the one orch would read)'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the configuration file orch reads'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "reload" -d 'Make the running daemon re-read its configuration file (like SIGHUP)'
complete -c orch -n "__fish_orch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -f -a "status" -d 'Show the database file, its schema version, size and row counts'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the database file, its schema version, size and row counts'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db help" -f -a "status" -d 'Show the daemon\'s version, uptime, pid, socket, data dir, schema version and counts'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db help" -f -a "daemon" -d 'Start, stop and inspect the orchd daemon'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db help" -f -a "config" -d 'Show, check and reload the configuration'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db help" -f -a "db" -d 'Inspect the daemon\'s SQLite database'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "start" -d 'Start orchd in the background (a no-op when it already runs)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "stop" -d 'Stop orchd gracefully and wait until it has exited'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "status" -d 'Say whether orchd is running (exit code 3 when it is not)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "logs" -d 'Show orchd\'s recent log lines'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective configuration (file, environment and flags applied) as TOML'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Validate a configuration file (default: the one orch would read)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the configuration file orch reads'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "reload" -d 'Make the running daemon re-read its configuration file (like SIGHUP)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'Show the database file, its schema version, size and row counts'
