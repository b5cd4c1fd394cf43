
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'orch' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'orch'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'orch' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the daemon''s version, uptime, pid, socket, data dir, schema version and counts')
            [CompletionResult]::new('daemon', 'daemon', [CompletionResultType]::ParameterValue, 'Start, stop and inspect the orchd daemon')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, check and reload the configuration')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Inspect the daemon''s SQLite database')
            [CompletionResult]::new('bot', 'bot', [CompletionResultType]::ParameterValue, 'Spawn, watch and terminate audio bots')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Stream bot state changes, alerts and participant events as they happen')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Sessions and processing performance of bots and the daemon')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Measure loudness (EBU R128), true peak, spectrum and quality of audio files')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Run the DSP chain over an audio file and write a WAV')
            [CompletionResult]::new('normalize', 'normalize', [CompletionResultType]::ParameterValue, 'Normalize the loudness of audio files (two-pass, EBU R128 / BS.1770)')
            [CompletionResult]::new('preset', 'preset', [CompletionResultType]::ParameterValue, 'Manage DSP presets: 13 read-only built-ins and your own, stored by orchd')
            [CompletionResult]::new('translate', 'translate', [CompletionResultType]::ParameterValue, 'Translate text through the configured engine (`[translation]`, Apertium by default)')
            [CompletionResult]::new('transcribe', 'transcribe', [CompletionResultType]::ParameterValue, 'Transcribe audio files through the configured speech-to-text engine')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'Show or export the transcript of a bot''s session (bots spawned with --transcribe)')
            [CompletionResult]::new('captions', 'captions', [CompletionResultType]::ParameterValue, 'Follow a bot''s live captions: each line, then its translations as they arrive')
            [CompletionResult]::new('speakers', 'speakers', [CompletionResultType]::ParameterValue, 'List a session''s speakers, or give a speaker label a name')
            [CompletionResult]::new('webcam', 'webcam', [CompletionResultType]::ParameterValue, 'A bot''s virtual webcam: live captions as video (Y4M, v4l2loopback, PNG)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;status' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'Also show what the daemon and each live bot use of the machine: CPU, memory, threads, open files, the data directory''s size and the free disk (always in `--json`, as `system`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;daemon' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start orchd in the background (a no-op when it already runs)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop orchd gracefully and wait until it has exited')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether orchd is running (exit code 3 when it is not)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show orchd''s recent log lines')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;daemon;start' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;daemon;stop' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the daemon to exit')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;daemon;status' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;daemon;logs' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many recent lines to show')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'How many recent lines to show')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new lines until interrupted')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new lines until interrupted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;daemon;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start orchd in the background (a no-op when it already runs)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop orchd gracefully and wait until it has exited')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether orchd is running (exit code 3 when it is not)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show orchd''s recent log lines')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;daemon;help;start' {
            break
        }
        'orch;daemon;help;stop' {
            break
        }
        'orch;daemon;help;status' {
            break
        }
        'orch;daemon;help;logs' {
            break
        }
        'orch;daemon;help;help' {
            break
        }
        'orch;config' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration (file, environment and flags applied) as TOML')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a configuration file (default: the one orch would read)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the configuration file orch reads')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'Make the running daemon re-read its configuration file (like SIGHUP)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;config;show' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--daemon', '--daemon', [CompletionResultType]::ParameterName, 'Show the configuration the running daemon uses instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;config;check' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;config;path' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;config;reload' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration (file, environment and flags applied) as TOML')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a configuration file (default: the one orch would read)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the configuration file orch reads')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'Make the running daemon re-read its configuration file (like SIGHUP)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;config;help;show' {
            break
        }
        'orch;config;help;check' {
            break
        }
        'orch;config;help;path' {
            break
        }
        'orch;config;help;reload' {
            break
        }
        'orch;config;help;help' {
            break
        }
        'orch;db' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;db;status' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;db;cleanup' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only bots that ended longer ago than this: 30s, 15m, 12h, 7d (default: 7d)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;db;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;db;help;status' {
            break
        }
        'orch;db;help;cleanup' {
            break
        }
        'orch;db;help;help' {
            break
        }
        'orch;bot' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spawn', 'spawn', [CompletionResultType]::ParameterValue, 'Spawn a bot and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bots (live ones unless --all)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show a live bot''s log')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete ended bots with their whole history (the same as `orch db cleanup`)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show a bot''s effective settings; --set changes a running bot''s preset, leave rules or transcription at once, without restarting it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;bot;spawn' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Kind of bot')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Audio file (file bots) or shell command line or named template from `[bots.commands]` (command bots)')
            [CompletionResult]::new('--meeting-url', '--meeting-url', [CompletionResultType]::ParameterName, 'Meeting URL (meeting bots)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Meeting platform (meeting bots)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the bot (default: its id)')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'DSP preset (default: `default`)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'Spoken language, e.g. en or pt-BR (sent to the transcription engine)')
            [CompletionResult]::new('--target-language', '--target-language', [CompletionResultType]::ParameterName, 'Languages to translate into (repeatable)')
            [CompletionResult]::new('--glossary', '--glossary', [CompletionResultType]::ParameterName, 'A glossary for this bot''s translations (TOML, as `translation.glossary`), used instead of the configured one')
            [CompletionResult]::new('--dedup-key', '--dedup-key', [CompletionResultType]::ParameterName, 'Refuse to spawn while a live bot has the same key (the same meeting twice)')
            [CompletionResult]::new('--speed', '--speed', [CompletionResultType]::ParameterName, 'Playback speed of a file bot (1 = real time)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The command writes raw PCM of this format (otherwise a container such as WAV, FLAC, MP3 or Ogg is expected)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Sample rate of raw PCM')
            [CompletionResult]::new('--channels', '--channels', [CompletionResultType]::ParameterName, 'Channels of raw PCM')
            [CompletionResult]::new('--max-duration', '--max-duration', [CompletionResultType]::ParameterName, 'End the bot after this many seconds of audio (default: bots.max_duration_s)')
            [CompletionResult]::new('--silence-timeout', '--silence-timeout', [CompletionResultType]::ParameterName, 'End the bot after this many seconds without speech (default: bots.silence_timeout_s)')
            [CompletionResult]::new('--webcam-output', '--webcam-output', [CompletionResultType]::ParameterName, 'Where the webcam''s frames go: y4m:PATH (a file or a FIFO) or v4l2:/dev/videoN')
            [CompletionResult]::new('--webcam-set', '--webcam-set', [CompletionResultType]::ParameterName, 'A webcam setting (mode=sidebar, theme=light, size=1920x1080, fps=25...; see `orch webcam config`). Repeat for several')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--transcribe', '--transcribe', [CompletionResultType]::ParameterName, 'Transcribe the cleaned audio through `[transcription]`''s engine; the lines are stored and sent as `transcript` events (`orch transcript show BOT --follow`)')
            [CompletionResult]::new('--loop', '--loop', [CompletionResultType]::ParameterName, 'Replay a file bot''s file forever')
            [CompletionResult]::new('--webcam', '--webcam', [CompletionResultType]::ParameterName, 'Start a virtual webcam with the bot (stopped with it): its captions as video')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only bots in this state')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include ended bots')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;status' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;terminate' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a graceful stop before killing (default: bots.terminate_timeout_s)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Kill at once')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;logs' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many recent lines')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'How many recent lines')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new lines until the bot ends or Ctrl-C')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new lines until the bot ends or Ctrl-C')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;watch' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between refreshes')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many refreshes (default: until Ctrl-C)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;cleanup' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only bots that ended longer ago than this: 30s, 15m, 12h, 7d (default: 7d)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;config' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Change a setting of the running bot, applied at once and stored: preset=NAME, max_duration_s=S, silence_timeout_s=S, transcribe=true|false (start, pause or resume), target_languages=es,fr (a transcribing bot''s captions; empty: none), webcam=on|off, webcam.KEY=VALUE (a webcam setting: see `orch webcam config`). Repeat for several; an unknown key or a bad value changes nothing (exit 5)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;bot;help' {
            [CompletionResult]::new('spawn', 'spawn', [CompletionResultType]::ParameterValue, 'Spawn a bot and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bots (live ones unless --all)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show a live bot''s log')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete ended bots with their whole history (the same as `orch db cleanup`)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show a bot''s effective settings; --set changes a running bot''s preset, leave rules or transcription at once, without restarting it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;bot;help;spawn' {
            break
        }
        'orch;bot;help;list' {
            break
        }
        'orch;bot;help;status' {
            break
        }
        'orch;bot;help;terminate' {
            break
        }
        'orch;bot;help;logs' {
            break
        }
        'orch;bot;help;watch' {
            break
        }
        'orch;bot;help;cleanup' {
            break
        }
        'orch;bot;help;config' {
            break
        }
        'orch;bot;help;help' {
            break
        }
        'orch;events' {
            [CompletionResult]::new('--bot', '--bot', [CompletionResultType]::ParameterName, 'Only events of this bot (id, unique prefix or name)')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'Print this many stored events first')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Print the stored events of this long ago and later first (state changes, alerts, participants, also of bots that ended): 30m, 12h, 7d, or a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--no-follow', '--no-follow', [CompletionResultType]::ParameterName, 'Print the stored history and exit instead of following')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;analytics' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason')
            [CompletionResult]::new('bot', 'bot', [CompletionResultType]::ParameterValue, 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time')
            [CompletionResult]::new('performance', 'performance', [CompletionResultType]::ParameterValue, 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session''s worst window (ended sessions too)')
            [CompletionResult]::new('analyses', 'analyses', [CompletionResultType]::ParameterValue, 'Stored analysis reports: each bot session''s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;analytics;sessions' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only sessions started within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;analytics;bot' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;analytics;performance' {
            [CompletionResult]::new('--bot', '--bot', [CompletionResultType]::ParameterName, 'Only this bot (id, unique prefix or name)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only sessions started within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;analytics;analyses' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only reports stored within this long (30m, 12h, 7d) or since a time (2026-12-03, 2026-12-03T14:30, local unless it ends in Z or +HH:MM; default: all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Print this report in full (the `orch analyze --json` object)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;analytics;help' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason')
            [CompletionResult]::new('bot', 'bot', [CompletionResultType]::ParameterValue, 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time')
            [CompletionResult]::new('performance', 'performance', [CompletionResultType]::ParameterValue, 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session''s worst window (ended sessions too)')
            [CompletionResult]::new('analyses', 'analyses', [CompletionResultType]::ParameterValue, 'Stored analysis reports: each bot session''s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;analytics;help;sessions' {
            break
        }
        'orch;analytics;help;bot' {
            break
        }
        'orch;analytics;help;performance' {
            break
        }
        'orch;analytics;help;analyses' {
            break
        }
        'orch;analytics;help;help' {
            break
        }
        'orch;analyze' {
            [CompletionResult]::new('--fft-size', '--fft-size', [CompletionResultType]::ParameterName, 'FFT size of the averaged spectrum: a power of two from 256 to 65536')
            [CompletionResult]::new('--peaks', '--peaks', [CompletionResultType]::ParameterName, 'How many spectral peaks to list')
            [CompletionResult]::new('--plot', '--plot', [CompletionResultType]::ParameterName, 'Draw the spectrum and the loudness over time into an image: SVG or PNG after the extension. With several files, each image is named OUT-<file stem>.svg (or .png)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Loudness target the recommendations refer to, in LUFS (-70 to 0)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Sample format of raw PCM on stdin (`-`)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Sample rate of raw PCM on stdin, in Hz (8000 to 192000)')
            [CompletionResult]::new('--channels', '--channels', [CompletionResultType]::ParameterName, 'Channel count of raw PCM on stdin (1 to 8)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Files analysed at once [default: the number of cores]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Files analysed at once [default: the number of cores]')
            [CompletionResult]::new('--live', '--live', [CompletionResultType]::ParameterName, 'Live meters ten times a second from a running bot (its id) or from raw PCM on stdin streamed through the daemon (`-`, with --format, --rate and --channels). Ctrl-C ends it and prints the summary')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--timeline', '--timeline', [CompletionResultType]::ParameterName, 'Add momentary and short-term loudness and the level every 100 ms')
            [CompletionResult]::new('--dual-mono', '--dual-mono', [CompletionResultType]::ParameterName, 'Count a mono channel twice, as if played on two loudspeakers (a -23 dBFS mono sine then reads -23 LUFS instead of -26)')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Also store each report in orchd''s database (`orch analytics analyses` lists them; the daemon is started when none runs)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;process' {
            [CompletionResult]::new('--output-format', '--output-format', [CompletionResultType]::ParameterName, 'Output file format, whatever the name says [default: from OUT''s extension, WAV when it names no format]')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'Chain preset: a built-in (`orch preset list`) or a user preset (looked up through orchd) [default: the configured `dsp.default_preset`, itself `default`]')
            [CompletionResult]::new('--chain', '--chain', [CompletionResultType]::ParameterName, 'Chain file (TOML, `version = 1` and `[[stage]]` tables; see docs/chain.md)')
            [CompletionResult]::new('--bypass', '--bypass', [CompletionResultType]::ParameterName, 'Disable a stage of the chain (repeatable, or comma-separated)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only this stage (enabled even if the chain disables it)')
            [CompletionResult]::new('--block-size', '--block-size', [CompletionResultType]::ParameterName, 'Frames per processing block (1 to 65536); the output does not depend on it')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output sample format [default: s16 for up to 16-bit and lossy input, s24 for deeper integers, f32 for float input (s24 in FLAC, which stores integers)]')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Print per-stage metrics and loudness, true peak and SNR before and after')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;normalize' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write `<input stem>.wav` (`.flac` with `--output-format flac`) files into this folder (created if missing)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Integrated loudness target: LUFS from -70 to -5, or a name: broadcast_tv (-23), broadcast_radio (-16), podcast (-18), streaming (-14), youtube (-14), netflix (-27)')
            [CompletionResult]::new('--true-peak', '--true-peak', [CompletionResultType]::ParameterName, 'True-peak ceiling in dBTP (-9 to 0); the output never passes it')
            [CompletionResult]::new('--lra', '--lra', [CompletionResultType]::ParameterName, 'Loudness range the result should stay within, in LU (1 to 50). orch does not compress: a wider input is reported, not changed')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output sample format [default: from the input, as `orch process`]')
            [CompletionResult]::new('--output-format', '--output-format', [CompletionResultType]::ParameterName, 'Output file format, whatever the name says [default: from OUT''s extension, WAV when it names no format; `.mp3` and other formats orch does not write are refused]')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every preset: name, category, built-in or user, stages enabled, description')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one preset: a summary and each stage''s switch, gains and changed parameters')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user preset from another preset, changing parameters with --set')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user preset''s parameters, description or category (built-ins are read-only)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a user preset')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user preset')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a preset as a versioned TOML file (stdout by default)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store a preset file as a user preset')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show the parameters that differ between two presets')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Run an audio file through several presets and compare the results side by side')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Switch a running bot to this preset, without a click or gap')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;preset;list' {
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only presets of this category (voice, music, broadcast, real_time, general, ...)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;show' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--toml', '--toml', [CompletionResultType]::ParameterName, 'Print the preset file (as `orch preset export` writes it; wins over --json)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;create' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The preset to start from (built-in or user)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'One-line description [default: "Derived from `BASE`"]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'One-line description [default: "Derived from `BASE`"]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Category [default: the base''s]')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Category [default: the base''s]')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Change a parameter: stage.param=value (repeatable). Also `stage.enabled`, `stage.gain_in_db`, `stage.gain_out_db`, and list entries such as `equalizer.bands[0].gain_db`')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;update' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'New one-line description')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New one-line description')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'New category')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'New category')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Change a parameter: stage.param=value (repeatable)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;rename' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;delete' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;import' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Store under this name instead of the file''s')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Overwrite a user preset of the same name')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;diff' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;compare' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The audio file (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The audio file (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A)')
            [CompletionResult]::new('--write-dir', '--write-dir', [CompletionResultType]::ParameterName, 'Keep each processed file as DIR/<file stem>.<preset>.wav')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;apply' {
            [CompletionResult]::new('--bot', '--bot', [CompletionResultType]::ParameterName, 'The running bot (id, unique prefix or name)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;preset;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every preset: name, category, built-in or user, stages enabled, description')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one preset: a summary and each stage''s switch, gains and changed parameters')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user preset from another preset, changing parameters with --set')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user preset''s parameters, description or category (built-ins are read-only)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a user preset')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user preset')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a preset as a versioned TOML file (stdout by default)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store a preset file as a user preset')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show the parameters that differ between two presets')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Run an audio file through several presets and compare the results side by side')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Switch a running bot to this preset, without a click or gap')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;preset;help;list' {
            break
        }
        'orch;preset;help;show' {
            break
        }
        'orch;preset;help;create' {
            break
        }
        'orch;preset;help;update' {
            break
        }
        'orch;preset;help;rename' {
            break
        }
        'orch;preset;help;delete' {
            break
        }
        'orch;preset;help;export' {
            break
        }
        'orch;preset;help;import' {
            break
        }
        'orch;preset;help;diff' {
            break
        }
        'orch;preset;help;compare' {
            break
        }
        'orch;preset;help;apply' {
            break
        }
        'orch;preset;help;help' {
            break
        }
        'orch;translate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Language of the text (ISO 639-1, like en)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Language to translate into (repeatable, or comma-separated)')
            [CompletionResult]::new('--glossary', '--glossary', [CompletionResultType]::ParameterName, 'A glossary file instead of the configured `translation.glossary`')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;transcribe' {
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'DSP preset the audio runs through first [default: `transcription.preset`]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from -o''s extension, else txt (json with --json)]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write here instead of standard output; a directory for several files (each written as NAME.FORMAT inside it)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write here instead of standard output; a directory for several files (each written as NAME.FORMAT inside it)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'Language of the speech (ISO 639-1, like en) [default: `transcription.language`, else the engine detects it]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The engine''s base URL [default: `transcription.url`]')
            [CompletionResult]::new('--translate', '--translate', [CompletionResultType]::ParameterName, 'Also translate the transcript into these languages (ISO 639-1) through `[translation]`: with -o, one file per language next to it (NAME.LANG.FORMAT)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--bypass', '--bypass', [CompletionResultType]::ParameterName, 'Send the audio as it is, without the DSP chain')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;transcript' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a session''s transcript (of a bot: its newest session)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a session''s transcript as SRT, WebVTT, JSON or text')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;transcript;show' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Also print each line''s translation into these languages (ISO 639-1)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing lines as they are transcribed, until the bot ends (Ctrl-C stops)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing lines as they are transcribed, until the bot ends (Ctrl-C stops)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;transcript;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write here instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write here instead of standard output')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The transcript in these languages, in this order (ISO 639-1): `es` the Spanish translation, `en,es` two lines per cue. The line''s own language is its text')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;transcript;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a session''s transcript (of a bot: its newest session)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a session''s transcript as SRT, WebVTT, JSON or text')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;transcript;help;show' {
            break
        }
        'orch;transcript;help;export' {
            break
        }
        'orch;transcript;help;help' {
            break
        }
        'orch;captions' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Only these translations (ISO 639-1; default: every target language of the bot)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;speakers' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The speakers of a session (of a bot: its newest session)')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Give a session''s speaker label a name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;speakers;list' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;speakers;map' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;speakers;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The speakers of a session (of a bot: its newest session)')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Give a session''s speaker label a name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;speakers;help;list' {
            break
        }
        'orch;speakers;help;map' {
            break
        }
        'orch;speakers;help;help' {
            break
        }
        'orch;webcam' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a bot''s webcam: its transcript and translations drawn as video')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a bot''s webcam')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A webcam''s figures: frames, average fps, captions, speakers, its output')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show a webcam''s settings, or change them live with --set')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the webcam''s current frame as PNG')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Draw captions from a file into a PNG, with no daemon (try modes and themes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;webcam;start' {
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Display mode: overlay, sidebar, bottom_banner, floating, fullscreen, picture_in_picture')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Theme: dark, light, high_contrast, minimal, corporate')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Frame size, WIDTHxHEIGHT (640x480 to 1920x1080, even)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Any other setting (max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show, languages). Repeat for several')
            [CompletionResult]::new('--fps', '--fps', [CompletionResultType]::ParameterName, 'Frames per second (15 to 60)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where frames go: y4m:PATH (a file, or a FIFO that ffmpeg or Chromium reads), v4l2:/dev/videoN (a v4l2loopback device), or - for Y4M on standard output (the command then runs until the reader or Ctrl-C ends it)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where frames go: y4m:PATH (a file, or a FIFO that ffmpeg or Chromium reads), v4l2:/dev/videoN (a v4l2loopback device), or - for Y4M on standard output (the command then runs until the reader or Ctrl-C ends it)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;webcam;stop' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;webcam;status' {
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;webcam;config' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Change a setting live: mode, theme, max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show (all, transcript, translation), languages (es,fr). Size and fps are fixed while it runs. Repeat for several; a bad one changes nothing (exit 5)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;webcam;snapshot' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The PNG file to write')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The PNG file to write')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;webcam;render' {
            [CompletionResult]::new('--captions', '--captions', [CompletionResultType]::ParameterName, 'Captions: a JSON array of objects with `text` and optionally `speaker`, `speaker_label`, `source_language`, `target_language`, `confidence`, `original`; or one object per line (what `orch --json transcript show` prints)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The PNG file to write')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The PNG file to write')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Display mode: overlay, sidebar, bottom_banner, floating, fullscreen, picture_in_picture')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Theme: dark, light, high_contrast, minimal, corporate')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Frame size, WIDTHxHEIGHT (640x480 to 1920x1080, even)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Any other setting (max_captions, caption_s, font_size, background_opacity, show_speaker_names, show_confidence, show_timestamps, show, languages). Repeat for several')
            [CompletionResult]::new('--bot', '--bot', [CompletionResultType]::ParameterName, 'The bot name in the header')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'Path of the daemon''s socket [default: $XDG_RUNTIME_DIR/orch/orchd.sock]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $XDG_CONFIG_HOME/orch/config.toml]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory handed to an autostarted daemon [default: $XDG_DATA_HOME/orch]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one stable JSON object per command (NDJSON for streams)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--no-autostart', '--no-autostart', [CompletionResultType]::ParameterName, 'Never start orchd automatically when it is not running')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orch;webcam;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a bot''s webcam: its transcript and translations drawn as video')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a bot''s webcam')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A webcam''s figures: frames, average fps, captions, speakers, its output')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show a webcam''s settings, or change them live with --set')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the webcam''s current frame as PNG')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Draw captions from a file into a PNG, with no daemon (try modes and themes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;webcam;help;start' {
            break
        }
        'orch;webcam;help;stop' {
            break
        }
        'orch;webcam;help;status' {
            break
        }
        'orch;webcam;help;config' {
            break
        }
        'orch;webcam;help;snapshot' {
            break
        }
        'orch;webcam;help;render' {
            break
        }
        'orch;webcam;help;help' {
            break
        }
        'orch;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the daemon''s version, uptime, pid, socket, data dir, schema version and counts')
            [CompletionResult]::new('daemon', 'daemon', [CompletionResultType]::ParameterValue, 'Start, stop and inspect the orchd daemon')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, check and reload the configuration')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Inspect the daemon''s SQLite database')
            [CompletionResult]::new('bot', 'bot', [CompletionResultType]::ParameterValue, 'Spawn, watch and terminate audio bots')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Stream bot state changes, alerts and participant events as they happen')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Sessions and processing performance of bots and the daemon')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Measure loudness (EBU R128), true peak, spectrum and quality of audio files')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Run the DSP chain over an audio file and write a WAV')
            [CompletionResult]::new('normalize', 'normalize', [CompletionResultType]::ParameterValue, 'Normalize the loudness of audio files (two-pass, EBU R128 / BS.1770)')
            [CompletionResult]::new('preset', 'preset', [CompletionResultType]::ParameterValue, 'Manage DSP presets: 13 read-only built-ins and your own, stored by orchd')
            [CompletionResult]::new('translate', 'translate', [CompletionResultType]::ParameterValue, 'Translate text through the configured engine (`[translation]`, Apertium by default)')
            [CompletionResult]::new('transcribe', 'transcribe', [CompletionResultType]::ParameterValue, 'Transcribe audio files through the configured speech-to-text engine')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'Show or export the transcript of a bot''s session (bots spawned with --transcribe)')
            [CompletionResult]::new('captions', 'captions', [CompletionResultType]::ParameterValue, 'Follow a bot''s live captions: each line, then its translations as they arrive')
            [CompletionResult]::new('speakers', 'speakers', [CompletionResultType]::ParameterValue, 'List a session''s speakers, or give a speaker label a name')
            [CompletionResult]::new('webcam', 'webcam', [CompletionResultType]::ParameterValue, 'A bot''s virtual webcam: live captions as video (Y4M, v4l2loopback, PNG)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orch;help;status' {
            break
        }
        'orch;help;daemon' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start orchd in the background (a no-op when it already runs)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop orchd gracefully and wait until it has exited')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether orchd is running (exit code 3 when it is not)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show orchd''s recent log lines')
            break
        }
        'orch;help;daemon;start' {
            break
        }
        'orch;help;daemon;stop' {
            break
        }
        'orch;help;daemon;status' {
            break
        }
        'orch;help;daemon;logs' {
            break
        }
        'orch;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration (file, environment and flags applied) as TOML')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a configuration file (default: the one orch would read)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the configuration file orch reads')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'Make the running daemon re-read its configuration file (like SIGHUP)')
            break
        }
        'orch;help;config;show' {
            break
        }
        'orch;help;config;check' {
            break
        }
        'orch;help;config;path' {
            break
        }
        'orch;help;config;reload' {
            break
        }
        'orch;help;db' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the database file, its schema version, size, row counts, the history kept (events, statistics, transcripts, logs on disk) and the retention setting')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete bots that ended long ago with everything of their sessions: events, statistics, chunks, transcripts, translations, analyses and log files')
            break
        }
        'orch;help;db;status' {
            break
        }
        'orch;help;db;cleanup' {
            break
        }
        'orch;help;bot' {
            [CompletionResult]::new('spawn', 'spawn', [CompletionResultType]::ParameterValue, 'Spawn a bot and print its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bots (live ones unless --all)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a bot: state, uptime, preset, audio, levels, loudness, stages, restarts, pid, CPU, RSS')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Stop a bot gracefully (then kill it after --timeout), and wait until it has ended')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show a live bot''s log')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'A live table of all bots, refreshed every second, like top (Ctrl-C ends it)')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete ended bots with their whole history (the same as `orch db cleanup`)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show a bot''s effective settings; --set changes a running bot''s preset, leave rules or transcription at once, without restarting it')
            break
        }
        'orch;help;bot;spawn' {
            break
        }
        'orch;help;bot;list' {
            break
        }
        'orch;help;bot;status' {
            break
        }
        'orch;help;bot;terminate' {
            break
        }
        'orch;help;bot;logs' {
            break
        }
        'orch;help;bot;watch' {
            break
        }
        'orch;help;bot;cleanup' {
            break
        }
        'orch;help;bot;config' {
            break
        }
        'orch;help;events' {
            break
        }
        'orch;help;analytics' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Bot sessions: start, duration, source, preset, audio, restarts, errors, end reason')
            [CompletionResult]::new('bot', 'bot', [CompletionResultType]::ParameterValue, 'One bot: its sessions, current processing figures, and the 10 s processing windows of its newest session (block times, drops, realtime factor), with a chart of the block time')
            [CompletionResult]::new('performance', 'performance', [CompletionResultType]::ParameterValue, 'Per-bot processing time per block (p50, p95, p99), realtime factor, dropped blocks, restarts; daemon CPU, memory and bot counts; and every session''s worst window (ended sessions too)')
            [CompletionResult]::new('analyses', 'analyses', [CompletionResultType]::ParameterValue, 'Stored analysis reports: each bot session''s (when a run ends) and files saved with `orch analyze --save`; `--id N` prints one report in full')
            break
        }
        'orch;help;analytics;sessions' {
            break
        }
        'orch;help;analytics;bot' {
            break
        }
        'orch;help;analytics;performance' {
            break
        }
        'orch;help;analytics;analyses' {
            break
        }
        'orch;help;analyze' {
            break
        }
        'orch;help;process' {
            break
        }
        'orch;help;normalize' {
            break
        }
        'orch;help;preset' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every preset: name, category, built-in or user, stages enabled, description')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one preset: a summary and each stage''s switch, gains and changed parameters')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user preset from another preset, changing parameters with --set')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user preset''s parameters, description or category (built-ins are read-only)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a user preset')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user preset')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a preset as a versioned TOML file (stdout by default)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store a preset file as a user preset')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show the parameters that differ between two presets')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Run an audio file through several presets and compare the results side by side')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Switch a running bot to this preset, without a click or gap')
            break
        }
        'orch;help;preset;list' {
            break
        }
        'orch;help;preset;show' {
            break
        }
        'orch;help;preset;create' {
            break
        }
        'orch;help;preset;update' {
            break
        }
        'orch;help;preset;rename' {
            break
        }
        'orch;help;preset;delete' {
            break
        }
        'orch;help;preset;export' {
            break
        }
        'orch;help;preset;import' {
            break
        }
        'orch;help;preset;diff' {
            break
        }
        'orch;help;preset;compare' {
            break
        }
        'orch;help;preset;apply' {
            break
        }
        'orch;help;translate' {
            break
        }
        'orch;help;transcribe' {
            break
        }
        'orch;help;transcript' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a session''s transcript (of a bot: its newest session)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a session''s transcript as SRT, WebVTT, JSON or text')
            break
        }
        'orch;help;transcript;show' {
            break
        }
        'orch;help;transcript;export' {
            break
        }
        'orch;help;captions' {
            break
        }
        'orch;help;speakers' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The speakers of a session (of a bot: its newest session)')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Give a session''s speaker label a name')
            break
        }
        'orch;help;speakers;list' {
            break
        }
        'orch;help;speakers;map' {
            break
        }
        'orch;help;webcam' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a bot''s webcam: its transcript and translations drawn as video')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a bot''s webcam')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A webcam''s figures: frames, average fps, captions, speakers, its output')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show a webcam''s settings, or change them live with --set')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the webcam''s current frame as PNG')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Draw captions from a file into a PNG, with no daemon (try modes and themes)')
            break
        }
        'orch;help;webcam;start' {
            break
        }
        'orch;help;webcam;stop' {
            break
        }
        'orch;help;webcam;status' {
            break
        }
        'orch;help;webcam;config' {
            break
        }
        'orch;help;webcam;snapshot' {
            break
        }
        'orch;help;webcam;render' {
            break
        }
        'orch;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
