
use builtin;
use str;

set edit:completion:arg-completer[orch] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'orch'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'orch'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show the daemon''s version, uptime, pid, socket, data dir, schema version and counts'
            cand daemon 'Start, stop and inspect the orchd daemon'
            cand config 'Show, check and reload the configuration'
            cand db 'Inspect the daemon''s SQLite database'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start orchd in the background (a no-op when it already runs)'
            cand stop 'Stop orchd gracefully and wait until it has exited'
            cand status 'Say whether orchd is running (exit code 3 when it is not)'
            cand logs 'Show orchd''s recent log lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;daemon;start'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;stop'= {
            cand --timeout 'Seconds to wait for the daemon to exit'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;logs'= {
            cand -n 'How many recent lines to show'
            cand --lines 'How many recent lines to show'
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand -f 'Keep printing new lines until interrupted'
            cand --follow 'Keep printing new lines until interrupted'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;daemon;help'= {
            cand start 'Start orchd in the background (a no-op when it already runs)'
            cand stop 'Stop orchd gracefully and wait until it has exited'
            cand status 'Say whether orchd is running (exit code 3 when it is not)'
            cand logs 'Show orchd''s recent log lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;daemon;help;start'= {
        }
        &'orch;daemon;help;stop'= {
        }
        &'orch;daemon;help;status'= {
        }
        &'orch;daemon;help;logs'= {
        }
        &'orch;daemon;help;help'= {
        }
        &'orch;config'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print the effective configuration (file, environment and flags applied) as TOML'
            cand check 'Validate a configuration file (default: the one orch would read)'
            cand path 'Print the path of the configuration file orch reads'
            cand reload 'Make the running daemon re-read its configuration file (like SIGHUP)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;config;show'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --daemon 'Show the configuration the running daemon uses instead'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;check'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;path'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;reload'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;config;help'= {
            cand show 'Print the effective configuration (file, environment and flags applied) as TOML'
            cand check 'Validate a configuration file (default: the one orch would read)'
            cand path 'Print the path of the configuration file orch reads'
            cand reload 'Make the running daemon re-read its configuration file (like SIGHUP)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;config;help;show'= {
        }
        &'orch;config;help;check'= {
        }
        &'orch;config;help;path'= {
        }
        &'orch;config;help;reload'= {
        }
        &'orch;config;help;help'= {
        }
        &'orch;db'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show the database file, its schema version, size and row counts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;db;status'= {
            cand --socket 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]'
            cand --config 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]'
            cand --data-dir 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]'
            cand --color 'When to use colours (NO_COLOR is honoured by `auto`)'
            cand --json 'Print one stable JSON object per command (NDJSON for streams)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand --no-autostart 'Never start orchd automatically when it is not running'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orch;db;help'= {
            cand status 'Show the database file, its schema version, size and row counts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;db;help;status'= {
        }
        &'orch;db;help;help'= {
        }
        &'orch;help'= {
            cand status 'Show the daemon''s version, uptime, pid, socket, data dir, schema version and counts'
            cand daemon 'Start, stop and inspect the orchd daemon'
            cand config 'Show, check and reload the configuration'
            cand db 'Inspect the daemon''s SQLite database'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orch;help;status'= {
        }
        &'orch;help;daemon'= {
            cand start 'Start orchd in the background (a no-op when it already runs)'
            cand stop 'Stop orchd gracefully and wait until it has exited'
            cand status 'Say whether orchd is running (exit code 3 when it is not)'
            cand logs 'Show orchd''s recent log lines'
        }
        &'orch;help;daemon;start'= {
        }
        &'orch;help;daemon;stop'= {
        }
        &'orch;help;daemon;status'= {
        }
        &'orch;help;daemon;logs'= {
        }
        &'orch;help;config'= {
            cand show 'Print the effective configuration (file, environment and flags applied) as TOML'
            cand check 'Validate a configuration file (default: the one orch would read)'
            cand path 'Print the path of the configuration file orch reads'
            cand reload 'Make the running daemon re-read its configuration file (like SIGHUP)'
        }
        &'orch;help;config;show'= {
        }
        &'orch;help;config;check'= {
        }
        &'orch;help;config;path'= {
        }
        &'orch;help;config;reload'= {
        }
        &'orch;help;db'= {
            cand status 'Show the database file, its schema version, size and row counts'
        }
        &'orch;help;db;status'= {
        }
        &'orch;help;help'= {
        }
    ]
    $completions[$command]
}
