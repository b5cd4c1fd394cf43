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
complete -c orch -n "__fish_orch_needs_command" -f -a "bot" -d 'Spawn, watch and terminate audio bots'
complete -c orch -n "__fish_orch_needs_command" -f -a "events" -d 'Stream bot state changes, alerts and participant events as they happen'
complete -c orch -n "__fish_orch_needs_command" -f -a "analytics" -d 'Sessions and processing performance of bots and the daemon'
complete -c orch -n "__fish_orch_needs_command" -f -a "analyze" -d 'Measure loudness (EBU R128), true peak, spectrum and quality of audio files'
complete -c orch -n "__fish_orch_needs_command" -f -a "process" -d 'Run the DSP chain over an audio file and write a WAV'
complete -c orch -n "__fish_orch_needs_command" -f -a "normalize" -d 'Normalize the loudness of audio files (two-pass, EBU R128 / BS.1770)'
complete -c orch -n "__fish_orch_needs_command" -f -a "preset" -d 'Manage DSP presets: 13 read-only built-ins and your own, stored by orchd'
complete -c orch -n "__fish_orch_needs_command" -f -a "translate" -d 'Translate text through the configured engine (`[translation]`, Apertium by default)'
complete -c orch -n "__fish_orch_needs_command" -f -a "transcribe" -d 'Transcribe audio files through the configured speech-to-text engine'
complete -c orch -n "__fish_orch_needs_command" -f -a "transcript" -d 'Show or export the transcript of a bot\'s session (bots spawned with --transcribe)'
complete -c orch -n "__fish_orch_needs_command" -f -a "captions" -d 'Follow a bot\'s live captions: each line, then its translations as they arrive'
complete -c orch -n "__fish_orch_needs_command" -f -a "speakers" -d 'List a session\'s speakers, or give a speaker label a name'
complete -c orch -n "__fish_orch_needs_command" -f -a "webcam" -d 'A bot\'s virtual webcam: live captions as video (Y4M, v4l2loopback, PNG)'
complete -c orch -n "__fish_orch_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand status" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand status" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand status" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand status" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand status" -l system -d 'Also show what the daemon and each live bot use of the machine: CPU, memory, threads, open files, the data directory\'s size and the free disk (always in `--json`, as `system`)'
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
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -f -a "status" -d 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -f -a "cleanup" -d 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files'
complete -c orch -n "__fish_orch_using_subcommand db; and not __fish_seen_subcommand_from status cleanup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -l older-than -d 'Only bots that ended longer ago than this: 30s, 15m, 12h, 7d (default: 7d)' -r
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from cleanup" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "cleanup" -d 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files'
complete -c orch -n "__fish_orch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "spawn" -d 'Spawn a bot and print its id'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "list" -d 'List bots (live ones unless --all)'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "status" -d 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "terminate" -d 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "logs" -d 'Show a live bot\'s log'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "watch" -d 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "cleanup" -d 'Delete ended bots with their whole history (the same as `orch db cleanup`)'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "config" -d 'Show a bot\'s effective settings; --set changes a running bot\'s preset, leave rules or transcription at once, without restarting it'
complete -c orch -n "__fish_orch_using_subcommand bot; and not __fish_seen_subcommand_from spawn list status terminate logs watch cleanup config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l kind -d 'Kind of bot' -r -f -a "file\t'Replay an audio file in real time'
command\t'Run a program that writes audio to stdout'
meeting\t'Join a meeting through the configured meeting-bot program'"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l source -d 'Audio file (file bots) or shell command line or named template from `[bots.commands]` (command bots)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l meeting-url -d 'Meeting URL (meeting bots)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l platform -d 'Meeting platform (meeting bots)' -r -f -a "google-meet\t'Google Meet (also spelled `google_meet`, as the protocol and errors do)'
zoom\t'Zoom'
teams\t'Microsoft Teams'"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l name -d 'A name for the bot (default: its id)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l preset -d 'DSP preset (default: `default`)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l language -d 'Spoken language, e.g. en or pt-BR (sent to the transcription engine)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l target-language -d 'Languages to translate into (repeatable)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l glossary -d 'A glossary for this bot\'s translations (TOML, as `translation.glossary`), used instead of the configured one' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l dedup-key -d 'Refuse to spawn while a live bot has the same key (the same meeting twice)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l speed -d 'Playback speed of a file bot (1 = real time)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l format -d 'The command writes raw PCM of this format (otherwise a container such as WAV, FLAC, MP3 or Ogg is expected)' -r -f -a "s16le\t'Signed 16-bit little-endian'
s24le\t'Signed 24-bit little-endian'
f32le\t'32-bit float little-endian'"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l rate -d 'Sample rate of raw PCM' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l channels -d 'Channels of raw PCM' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l max-duration -d 'End the bot after this many seconds of audio (default: bots.max_duration_s)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l silence-timeout -d 'End the bot after this many seconds without speech (default: bots.silence_timeout_s)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l webcam-output -d 'Where the webcam\'s frames go: y4m:PATH (a file or a FIFO) or v4l2:/dev/videoN' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l webcam-set -d 'A webcam setting (mode=sidebar, theme=light, size=1920x1080, fps=25...; see `orch webcam config`). Repeat for several' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l transcribe -d 'Transcribe the cleaned audio through `[transcription]`\'s engine; the lines are stored and sent as `transcript` events (`orch transcript show BOT --follow`)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l loop -d 'Replay a file bot\'s file forever'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l webcam -d 'Start a virtual webcam with the bot (stopped with it): its captions as video'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from spawn" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l state -d 'Only bots in this state' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l all -d 'Include ended bots'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l timeout -d 'Seconds to wait for a graceful stop before killing (default: bots.terminate_timeout_s)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l force -d 'Kill at once'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from terminate" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -s n -l lines -d 'How many recent lines' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new lines until the bot ends or Ctrl-C'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l interval -d 'Seconds between refreshes' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l count -d 'Stop after this many refreshes (default: until Ctrl-C)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -l older-than -d 'Only bots that ended longer ago than this: 30s, 15m, 12h, 7d (default: 7d)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from cleanup" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -l set -d 'Change a setting of the running bot, applied at once and stored: preset=NAME, max_duration_s=S, silence_timeout_s=S, transcribe=true|false (start, pause or resume), target_languages=es,fr (a transcribing bot\'s captions; empty: none), webcam=on|off, webcam.KEY=VALUE (a webcam setting: see `orch webcam config`). Repeat for several; an unknown key or a bad value changes nothing (exit 5)' -r
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "spawn" -d 'Spawn a bot and print its id'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "list" -d 'List bots (live ones unless --all)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "terminate" -d 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show a live bot\'s log'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "watch" -d 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "cleanup" -d 'Delete ended bots with their whole history (the same as `orch db cleanup`)'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "config" -d 'Show a bot\'s effective settings; --set changes a running bot\'s preset, leave rules or transcription at once, without restarting it'
complete -c orch -n "__fish_orch_using_subcommand bot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand events" -l bot -d 'Only events of this bot (id, unique prefix or name)' -r
complete -c orch -n "__fish_orch_using_subcommand events" -l history -d 'Print this many stored events first' -r
complete -c orch -n "__fish_orch_using_subcommand events" -l since -d 'Print the stored events of this long ago and later first (state changes, alerts, participants, also of bots that ended): 30m, 12h, 7d, or a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM)' -r
complete -c orch -n "__fish_orch_using_subcommand events" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand events" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand events" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand events" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand events" -l no-follow -d 'Print the stored history and exit instead of following'
complete -c orch -n "__fish_orch_using_subcommand events" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand events" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand events" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand events" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand events" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -f -a "sessions" -d 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -f -a "bot" -d 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -f -a "performance" -d 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session\'s worst window (ended sessions too)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -f -a "analyses" -d 'Stored analysis reports: each bot session\'s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full'
complete -c orch -n "__fish_orch_using_subcommand analytics; and not __fish_seen_subcommand_from sessions bot performance analyses help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -l since -d 'Only sessions started within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)' -r
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from sessions" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from bot" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l bot -d 'Only this bot (id, unique prefix or name)' -r
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l since -d 'Only sessions started within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)' -r
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from performance" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l since -d 'Only reports stored within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)' -r
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l id -d 'Print this report in full (the `orch analyze --json` object)' -r
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from analyses" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "sessions" -d 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "bot" -d 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "performance" -d 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session\'s worst window (ended sessions too)'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "analyses" -d 'Stored analysis reports: each bot session\'s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full'
complete -c orch -n "__fish_orch_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand analyze" -l fft-size -d 'FFT size of the averaged spectrum: a power of two from 256 to 65536' -r
complete -c orch -n "__fish_orch_using_subcommand analyze" -l peaks -d 'How many spectral peaks to list' -r
complete -c orch -n "__fish_orch_using_subcommand analyze" -l plot -d 'Draw the spectrum and the loudness over time into an image: SVG or PNG after the extension. With several files, each image is named OUT-<file stem>.svg (or .png)' -r -F
complete -c orch -n "__fish_orch_using_subcommand analyze" -l target -d 'Loudness target the recommendations refer to, in LUFS (-70 to 0)' -r
complete -c orch -n "__fish_orch_using_subcommand analyze" -l format -d 'Sample format of raw PCM on stdin (`-`)' -r -f -a "s16le\t'Signed 16-bit little-endian'
s24le\t'Signed 24-bit little-endian (3 bytes)'
f32le\t'32-bit float little-endian'"
complete -c orch -n "__fish_orch_using_subcommand analyze" -l rate -d 'Sample rate of raw PCM on stdin, in Hz (8000 to 192000)' -r
complete -c orch -n "__fish_orch_using_subcommand analyze" -l channels -d 'Channel count of raw PCM on stdin (1 to 8)' -r
complete -c orch -n "__fish_orch_using_subcommand analyze" -s j -l jobs -d 'Files analysed at once [default: the number of cores]' -r
complete -c orch -n "__fish_orch_using_subcommand analyze" -l live -d 'Live meters ten times a second from a running bot (its id) or from raw PCM on stdin streamed through the daemon (`-`, with --format, --rate and --channels). Ctrl-C ends it and prints the summary' -r
complete -c orch -n "__fish_orch_using_subcommand analyze" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analyze" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analyze" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand analyze" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand analyze" -l timeline -d 'Add momentary and short-term loudness and the level every 100 ms'
complete -c orch -n "__fish_orch_using_subcommand analyze" -l dual-mono -d 'Count a mono channel twice, as if played on two loudspeakers (a -23 dBFS mono sine then reads -23 LUFS instead of -26)'
complete -c orch -n "__fish_orch_using_subcommand analyze" -l save -d 'Also store each report in orchd\'s database (`orch analytics analyses` lists them; the daemon is started when none runs)'
complete -c orch -n "__fish_orch_using_subcommand analyze" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand analyze" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand analyze" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand analyze" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand analyze" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand process" -l output-format -d 'Output file format, whatever the name says [default: from OUT\'s extension, WAV when it names no format]' -r -f -a "wav\t'RIFF/WAVE'
flac\t'FLAC (lossless, 16 or 24-bit)'"
complete -c orch -n "__fish_orch_using_subcommand process" -l preset -d 'Chain preset: a built-in (`orch preset list`) or a user preset (looked up through orchd) [default: the configured `dsp.default_preset`, itself `default`]' -r
complete -c orch -n "__fish_orch_using_subcommand process" -l chain -d 'Chain file (TOML, `version = 1` and `[[stage]]` tables; see docs/chain.md)' -r -F
complete -c orch -n "__fish_orch_using_subcommand process" -l bypass -d 'Disable a stage of the chain (repeatable, or comma-separated)' -r
complete -c orch -n "__fish_orch_using_subcommand process" -l only -d 'Run only this stage (enabled even if the chain disables it)' -r
complete -c orch -n "__fish_orch_using_subcommand process" -l block-size -d 'Frames per processing block (1 to 65536); the output does not depend on it' -r
complete -c orch -n "__fish_orch_using_subcommand process" -l format -d 'Output sample format [default: s16 for up to 16-bit and lossy input, s24 for deeper integers, f32 for float input (s24 in FLAC, which stores integers)]' -r -f -a "s16\t'16-bit integer (TPDF dither)'
s24\t'24-bit integer (TPDF dither)'
f32\t'32-bit float'"
complete -c orch -n "__fish_orch_using_subcommand process" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand process" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand process" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand process" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand process" -l report -d 'Print per-stage metrics and loudness, true peak and SNR before and after'
complete -c orch -n "__fish_orch_using_subcommand process" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand process" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand process" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand process" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand process" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand normalize" -l out-dir -d 'Write `<input stem>.wav` (`.flac` with `--output-format flac`) files into this folder (created if missing)' -r -F
complete -c orch -n "__fish_orch_using_subcommand normalize" -l target -d 'Integrated loudness target: LUFS from -70 to -5, or a name: broadcast_tv (-23), broadcast_radio (-16), podcast (-18), streaming (-14), youtube (-14), netflix (-27)' -r
complete -c orch -n "__fish_orch_using_subcommand normalize" -l true-peak -d 'True-peak ceiling in dBTP (-9 to 0); the output never passes it' -r
complete -c orch -n "__fish_orch_using_subcommand normalize" -l lra -d 'Loudness range the result should stay within, in LU (1 to 50). orch does not compress: a wider input is reported, not changed' -r
complete -c orch -n "__fish_orch_using_subcommand normalize" -l format -d 'Output sample format [default: from the input, as `orch process`]' -r -f -a "s16\t'16-bit integer (TPDF dither)'
s24\t'24-bit integer (TPDF dither)'
f32\t'32-bit float'"
complete -c orch -n "__fish_orch_using_subcommand normalize" -l output-format -d 'Output file format, whatever the name says [default: from OUT\'s extension, WAV when it names no format; `.mp3` and other formats orch does not write are refused]' -r -f -a "wav\t'RIFF/WAVE'
flac\t'FLAC (lossless, 16 or 24-bit)'"
complete -c orch -n "__fish_orch_using_subcommand normalize" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand normalize" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand normalize" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand normalize" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand normalize" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand normalize" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand normalize" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand normalize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand normalize" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "list" -d 'List every preset: name, category, built-in or user, stages enabled, description'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "show" -d 'Show one preset: a summary and each stage\'s switch, gains and changed parameters'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "create" -d 'Create a user preset from another preset, changing parameters with --set'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "update" -d 'Change a user preset\'s parameters, description or category (built-ins are read-only)'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "rename" -d 'Rename a user preset'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "delete" -d 'Delete a user preset'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "export" -d 'Write a preset as a versioned TOML file (stdout by default)'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "import" -d 'Store a preset file as a user preset'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "diff" -d 'Show the parameters that differ between two presets'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "compare" -d 'Run an audio file through several presets and compare the results side by side'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "apply" -d 'Switch a running bot to this preset, without a click or gap'
complete -c orch -n "__fish_orch_using_subcommand preset; and not __fish_seen_subcommand_from list show create update rename delete export import diff compare apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -l category -d 'Only presets of this category (voice, music, broadcast, real_time, general, ...)' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -l toml -d 'Print the preset file (as `orch preset export` writes it; wins over --json)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l from -d 'The preset to start from (built-in or user)' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -s d -l description -d 'One-line description [default: "Derived from `BASE`"]' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -s c -l category -d 'Category [default: the base\'s]' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l set -d 'Change a parameter: stage.param=value (repeatable). Also `stage.enabled`, `stage.gain_in_db`, `stage.gain_out_db`, and list entries such as `equalizer.bands[0].gain_db`' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -s d -l description -d 'New one-line description' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -s c -l category -d 'New category' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -l set -d 'Change a parameter: stage.param=value (repeatable)' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l name -d 'Store under this name instead of the file\'s' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l replace -d 'Overwrite a user preset of the same name'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -s f -l file -d 'The audio file (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A)' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -l write-dir -d 'Keep each processed file as DIR/<file stem>.<preset>.wav' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from compare" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -l bot -d 'The running bot (id, unique prefix or name)' -r
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every preset: name, category, built-in or user, stages enabled, description'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one preset: a summary and each stage\'s switch, gains and changed parameters'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a user preset from another preset, changing parameters with --set'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a user preset\'s parameters, description or category (built-ins are read-only)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a user preset'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user preset'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a preset as a versioned TOML file (stdout by default)'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "import" -d 'Store a preset file as a user preset'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show the parameters that differ between two presets'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "compare" -d 'Run an audio file through several presets and compare the results side by side'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Switch a running bot to this preset, without a click or gap'
complete -c orch -n "__fish_orch_using_subcommand preset; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand translate" -l from -d 'Language of the text (ISO 639-1, like en)' -r
complete -c orch -n "__fish_orch_using_subcommand translate" -l to -d 'Language to translate into (repeatable, or comma-separated)' -r
complete -c orch -n "__fish_orch_using_subcommand translate" -l glossary -d 'A glossary file instead of the configured `translation.glossary`' -r -F
complete -c orch -n "__fish_orch_using_subcommand translate" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand translate" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand translate" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand translate" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand translate" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand translate" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand translate" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand translate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand translate" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l preset -d 'DSP preset the audio runs through first [default: `transcription.preset`]' -r
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l format -d 'Output format [default: from -o\'s extension, else txt (json with --json)]' -r -f -a "txt\t'`[hh:mm:ss] Speaker: text`, a line each'
json\t'One JSON object: lines with times, speakers, words, and the chunk counts'
srt\t'SubRip subtitles'
vtt\t'WebVTT subtitles'"
complete -c orch -n "__fish_orch_using_subcommand transcribe" -s o -l output -d 'Write here instead of standard output; a directory for several files (each written as NAME.FORMAT inside it)' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l language -d 'Language of the speech (ISO 639-1, like en) [default: `transcription.language`, else the engine detects it]' -r
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l url -d 'The engine\'s base URL [default: `transcription.url`]' -r
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l translate -d 'Also translate the transcript into these languages (ISO 639-1) through `[translation]`: with -o, one file per language next to it (NAME.LANG.FORMAT)' -r
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l bypass -d 'Send the audio as it is, without the DSP chain'
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand transcribe" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand transcribe" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand transcribe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand transcribe" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -f -a "show" -d 'Print a session\'s transcript (of a bot: its newest session)'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -f -a "export" -d 'Write a session\'s transcript as SRT, WebVTT, JSON or text'
complete -c orch -n "__fish_orch_using_subcommand transcript; and not __fish_seen_subcommand_from show export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -l lang -d 'Also print each line\'s translation into these languages (ISO 639-1)' -r
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -s f -l follow -d 'Keep printing lines as they are transcribed, until the bot ends (Ctrl-C stops)'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l format -d 'Output format' -r -f -a "txt\t'`[hh:mm:ss] Speaker: text`, a line each'
json\t'One JSON object: lines with times, speakers, words, and the chunk counts'
srt\t'SubRip subtitles'
vtt\t'WebVTT subtitles'"
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -s o -l output -d 'Write here instead of standard output' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l lang -d 'The transcript in these languages, in this order (ISO 639-1): `es` the Spanish translation, `en,es` two lines per cue. The line\'s own language is its text' -r
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a session\'s transcript (of a bot: its newest session)'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a session\'s transcript as SRT, WebVTT, JSON or text'
complete -c orch -n "__fish_orch_using_subcommand transcript; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand captions" -l lang -d 'Only these translations (ISO 639-1; default: every target language of the bot)' -r
complete -c orch -n "__fish_orch_using_subcommand captions" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand captions" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand captions" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand captions" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand captions" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand captions" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand captions" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand captions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orch -n "__fish_orch_using_subcommand captions" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -f -a "list" -d 'The speakers of a session (of a bot: its newest session)'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -f -a "map" -d 'Give a session\'s speaker label a name'
complete -c orch -n "__fish_orch_using_subcommand speakers; and not __fish_seen_subcommand_from list map help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from map" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from help" -f -a "list" -d 'The speakers of a session (of a bot: its newest session)'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from help" -f -a "map" -d 'Give a session\'s speaker label a name'
complete -c orch -n "__fish_orch_using_subcommand speakers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -f -a "start" -d 'Start a bot\'s webcam: its transcript and translations drawn as video'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -f -a "stop" -d 'Stop a bot\'s webcam'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -f -a "status" -d 'A webcam\'s figures: frames, average fps, captions, speakers, its output'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -f -a "config" -d 'Show a webcam\'s settings, or change them live with --set'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -f -a "snapshot" -d 'Save the webcam\'s current frame as PNG'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -f -a "render" -d 'Draw captions from a file into a PNG, with no daemon (try modes and themes)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and not __fish_seen_subcommand_from start stop status config snapshot render help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l mode -d 'Display mode: overlay, sidebar, bottom_banner, floating, fullscreen, picture_in_picture' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l theme -d 'Theme: dark, light, high_contrast, minimal, corporate' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l size -d 'Frame size, WIDTHxHEIGHT (640x480 to 1920x1080, even)' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l set -d 'Any other setting (max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show, languages). Repeat for several' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l fps -d 'Frames per second (15 to 60)' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -s o -l output -d 'Where frames go: y4m:PATH (a file, or a FIFO that ffmpeg or Chromium reads), v4l2:/dev/videoN (a v4l2loopback device), or - for Y4M on standard output (the command then runs until the reader or Ctrl-C ends it)' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -l set -d 'Change a setting live: mode, theme, max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show (all, transcript, translation), languages (es,fr). Size and fps are fixed while it runs. Repeat for several; a bad one changes nothing (exit 5)' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -s o -l output -d 'The PNG file to write' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from snapshot" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l captions -d 'Captions: a JSON array of objects with `text` and optionally `speaker`, `speaker_label`, `source_language`, `target_language`, `confidence`, `original`; or one object per line (what `orch --json transcript show` prints)' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -s o -l output -d 'The PNG file to write' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l mode -d 'Display mode: overlay, sidebar, bottom_banner, floating, fullscreen, picture_in_picture' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l theme -d 'Theme: dark, light, high_contrast, minimal, corporate' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l size -d 'Frame size, WIDTHxHEIGHT (640x480 to 1920x1080, even)' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l set -d 'Any other setting (max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show, languages). Repeat for several' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l bot -d 'The bot name in the header' -r
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l socket -d 'Path of the daemon\'s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l config -d 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l data-dir -d 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]' -r -F
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l color -d 'When to use colours (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l json -d 'Print one stable JSON object per command (NDJSON for streams)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -l no-autostart -d 'Never start orchd automatically when it is not running'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -s h -l help -d 'Print help'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from render" -s V -l version -d 'Print version'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a bot\'s webcam: its transcript and translations drawn as video'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop a bot\'s webcam'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from help" -f -a "status" -d 'A webcam\'s figures: frames, average fps, captions, speakers, its output'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from help" -f -a "config" -d 'Show a webcam\'s settings, or change them live with --set'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from help" -f -a "snapshot" -d 'Save the webcam\'s current frame as PNG'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from help" -f -a "render" -d 'Draw captions from a file into a PNG, with no daemon (try modes and themes)'
complete -c orch -n "__fish_orch_using_subcommand webcam; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "status" -d 'Show the daemon\'s version, uptime, pid, socket, data dir, schema version and counts'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "daemon" -d 'Start, stop and inspect the orchd daemon'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "config" -d 'Show, check and reload the configuration'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "db" -d 'Inspect the daemon\'s SQLite database'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "bot" -d 'Spawn, watch and terminate audio bots'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "events" -d 'Stream bot state changes, alerts and participant events as they happen'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "analytics" -d 'Sessions and processing performance of bots and the daemon'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "analyze" -d 'Measure loudness (EBU R128), true peak, spectrum and quality of audio files'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "process" -d 'Run the DSP chain over an audio file and write a WAV'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "normalize" -d 'Normalize the loudness of audio files (two-pass, EBU R128 / BS.1770)'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "preset" -d 'Manage DSP presets: 13 read-only built-ins and your own, stored by orchd'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "translate" -d 'Translate text through the configured engine (`[translation]`, Apertium by default)'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "transcribe" -d 'Transcribe audio files through the configured speech-to-text engine'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "transcript" -d 'Show or export the transcript of a bot\'s session (bots spawned with --transcribe)'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "captions" -d 'Follow a bot\'s live captions: each line, then its translations as they arrive'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "speakers" -d 'List a session\'s speakers, or give a speaker label a name'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "webcam" -d 'A bot\'s virtual webcam: live captions as video (Y4M, v4l2loopback, PNG)'
complete -c orch -n "__fish_orch_using_subcommand help; and not __fish_seen_subcommand_from status daemon config db bot events analytics analyze process normalize preset translate transcribe transcript captions speakers webcam help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "start" -d 'Start orchd in the background (a no-op when it already runs)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "stop" -d 'Stop orchd gracefully and wait until it has exited'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "status" -d 'Say whether orchd is running (exit code 3 when it is not)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "logs" -d 'Show orchd\'s recent log lines'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective configuration (file, environment and flags applied) as TOML'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Validate a configuration file (default: the one orch would read)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the configuration file orch reads'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "reload" -d 'Make the running daemon re-read its configuration file (like SIGHUP)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "cleanup" -d 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "spawn" -d 'Spawn a bot and print its id'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "list" -d 'List bots (live ones unless --all)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "status" -d 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "terminate" -d 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "logs" -d 'Show a live bot\'s log'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "watch" -d 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "cleanup" -d 'Delete ended bots with their whole history (the same as `orch db cleanup`)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from bot" -f -a "config" -d 'Show a bot\'s effective settings; --set changes a running bot\'s preset, leave rules or transcription at once, without restarting it'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from analytics" -f -a "sessions" -d 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from analytics" -f -a "bot" -d 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from analytics" -f -a "performance" -d 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session\'s worst window (ended sessions too)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from analytics" -f -a "analyses" -d 'Stored analysis reports: each bot session\'s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "list" -d 'List every preset: name, category, built-in or user, stages enabled, description'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "show" -d 'Show one preset: a summary and each stage\'s switch, gains and changed parameters'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "create" -d 'Create a user preset from another preset, changing parameters with --set'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "update" -d 'Change a user preset\'s parameters, description or category (built-ins are read-only)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "rename" -d 'Rename a user preset'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "delete" -d 'Delete a user preset'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "export" -d 'Write a preset as a versioned TOML file (stdout by default)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "import" -d 'Store a preset file as a user preset'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "diff" -d 'Show the parameters that differ between two presets'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "compare" -d 'Run an audio file through several presets and compare the results side by side'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from preset" -f -a "apply" -d 'Switch a running bot to this preset, without a click or gap'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from transcript" -f -a "show" -d 'Print a session\'s transcript (of a bot: its newest session)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from transcript" -f -a "export" -d 'Write a session\'s transcript as SRT, WebVTT, JSON or text'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from speakers" -f -a "list" -d 'The speakers of a session (of a bot: its newest session)'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from speakers" -f -a "map" -d 'Give a session\'s speaker label a name'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from webcam" -f -a "start" -d 'Start a bot\'s webcam: its transcript and translations drawn as video'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from webcam" -f -a "stop" -d 'Stop a bot\'s webcam'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from webcam" -f -a "status" -d 'A webcam\'s figures: frames, average fps, captions, speakers, its output'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from webcam" -f -a "config" -d 'Show a webcam\'s settings, or change them live with --set'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from webcam" -f -a "snapshot" -d 'Save the webcam\'s current frame as PNG'
complete -c orch -n "__fish_orch_using_subcommand help; and __fish_seen_subcommand_from webcam" -f -a "render" -d 'Draw captions from a file into a PNG, with no daemon (try modes and themes)'
