//! The daemon booted inside the test process (Mode::Test) on a real socket: protocol
//! behaviour under malformed, oversized and mismatched clients, and many clients at
//! once.

use std::path::Path;
use std::time::Duration;

use orch::protocol::{Client, Request, Response};
use orch_daemon::{Args, LogHub, Mode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Booted {
    _dir: tempfile::TempDir,
    socket: std::path::PathBuf,
    task: tokio::task::JoinHandle<orch::Result<()>>,
}

async fn boot() -> Booted {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("orchd.sock");
    let args = Args {
        socket: Some(socket.clone()),
        data_dir: Some(dir.path().join("data")),
        config: Some(dir.path().join("none.toml")),
        log_level: None,
    };
    let mut loaded = orch::config::load_file(&dir.path().join("none.toml"), false).unwrap();
    loaded.config.daemon.socket = socket.clone();
    loaded.config.daemon.data_dir = dir.path().join("data");
    loaded.config.daemon.max_frame_bytes = 64 * 1024;
    let task = tokio::spawn(orch_daemon::run(
        args,
        loaded,
        LogHub::new(),
        None,
        Mode::Test,
    ));
    for _ in 0..500 {
        if Client::connect(&socket).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    Booted {
        _dir: dir,
        socket,
        task,
    }
}

async fn raw(socket: &Path) -> tokio::net::UnixStream {
    tokio::net::UnixStream::connect(socket).await.unwrap()
}

async fn read_reply(s: &mut tokio::net::UnixStream) -> serde_json::Value {
    let mut len = [0u8; 4];
    s.read_exact(&mut len).await.unwrap();
    let mut buf = vec![0u8; u32::from_be_bytes(len) as usize];
    s.read_exact(&mut buf).await.unwrap();
    serde_json::from_slice(&buf).unwrap()
}

async fn send_raw(s: &mut tokio::net::UnixStream, payload: &[u8]) {
    s.write_all(&(payload.len() as u32).to_be_bytes())
        .await
        .unwrap();
    s.write_all(payload).await.unwrap();
}

async fn closed(s: &mut tokio::net::UnixStream) -> bool {
    let mut b = [0u8; 1];
    matches!(
        tokio::time::timeout(Duration::from_secs(5), s.read(&mut b)).await,
        Ok(Ok(0)) | Ok(Err(_))
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn version_mismatch_names_both_versions() {
    let b = boot().await;
    let mut s = raw(&b.socket).await;
    send_raw(
        &mut s,
        br#"{"id":1,"request":{"type":"hello","protocol":999,"client_version":"9.9.9"}}"#,
    )
    .await;
    let v = read_reply(&mut s).await;
    assert_eq!(v["response"]["type"], "failure");
    assert_eq!(v["response"]["kind"], "version_mismatch");
    let msg = v["response"]["message"].as_str().unwrap();
    assert!(
        msg.contains("protocol 999") && msg.contains("protocol 1"),
        "{msg}"
    );
    assert!(closed(&mut s).await);
    b.task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_before_hello_are_refused() {
    let b = boot().await;
    let mut s = raw(&b.socket).await;
    send_raw(&mut s, br#"{"id":1,"request":{"type":"status"}}"#).await;
    let v = read_reply(&mut s).await;
    assert_eq!(v["response"]["kind"], "protocol");
    assert!(closed(&mut s).await);
    b.task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_and_oversized_frames_close_only_their_connection() {
    let b = boot().await;
    let mut good = Client::connect(&b.socket).await.unwrap();

    // Garbage that is a well-formed frame.
    let mut s1 = raw(&b.socket).await;
    send_raw(&mut s1, b"\x00\x01not json at all").await;
    let v = read_reply(&mut s1).await;
    assert_eq!(v["response"]["kind"], "protocol");
    assert!(
        v["response"]["message"]
            .as_str()
            .unwrap()
            .contains("same version")
    );
    assert!(closed(&mut s1).await);

    // An unknown request type after a proper hello.
    let mut s2 = raw(&b.socket).await;
    send_raw(
        &mut s2,
        br#"{"id":1,"request":{"type":"hello","protocol":1,"client_version":"x"}}"#,
    )
    .await;
    assert_eq!(read_reply(&mut s2).await["response"]["type"], "hello");
    send_raw(&mut s2, br#"{"id":2,"request":{"type":"launch_rockets"}}"#).await;
    assert_eq!(read_reply(&mut s2).await["response"]["kind"], "protocol");
    assert!(closed(&mut s2).await);

    // A length over the cap: refused before the payload is read.
    let mut s3 = raw(&b.socket).await;
    s3.write_all(&(1u32 << 30).to_be_bytes()).await.unwrap();
    let v = read_reply(&mut s3).await;
    assert!(
        v["response"]["message"]
            .as_str()
            .unwrap()
            .contains("exceeds the limit")
    );
    assert!(closed(&mut s3).await);

    // The well-behaved client never noticed.
    assert!(matches!(
        good.call(Request::Ping).await.unwrap(),
        Response::Pong
    ));
    assert!(matches!(
        good.call(Request::Status).await.unwrap(),
        Response::Status(_)
    ));
    b.task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_clients() {
    let b = boot().await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let socket = b.socket.clone();
        tasks.push(tokio::spawn(async move {
            let mut c = Client::connect(&socket).await.unwrap();
            for _ in 0..5 {
                match c.call(Request::Status).await.unwrap() {
                    Response::Status(s) => {
                        assert_eq!(s.schema_version, orch::store::latest_version())
                    }
                    other => panic!("{other:?}"),
                }
            }
            c
        }));
    }
    let mut clients = Vec::new();
    for t in tasks {
        clients.push(t.await.unwrap());
    }
    // All 50 are connected at once, plus the one asking.
    let mut probe = Client::connect(&b.socket).await.unwrap();
    match probe.call(Request::Status).await.unwrap() {
        Response::Status(s) => assert_eq!(s.clients, 51),
        other => panic!("{other:?}"),
    }
    b.task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscriber_that_never_reads_does_not_block_others() {
    let b = boot().await;
    // Subscribe to logs and never read them.
    let mut lazy = Client::connect(&b.socket).await.unwrap();
    lazy.subscribe(Request::Subscribe { topics: vec![] })
        .await
        .unwrap();
    let mut busy = Client::connect(&b.socket).await.unwrap();
    // Flood events: each reload publishes one.
    for _ in 0..2000 {
        let _ = busy.request(Request::ConfigReload).await.unwrap();
    }
    assert!(matches!(
        busy.call(Request::Ping).await.unwrap(),
        Response::Pong
    ));
    b.task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_request_ends_streams_and_the_daemon() {
    let b = boot().await;
    let mut watcher = Client::connect(&b.socket).await.unwrap();
    watcher
        .subscribe(Request::Subscribe { topics: vec![] })
        .await
        .unwrap();
    let mut c = Client::connect(&b.socket).await.unwrap();
    assert!(matches!(
        c.call(Request::Shutdown).await.unwrap(),
        Response::Ok { .. }
    ));
    let ev = tokio::time::timeout(Duration::from_secs(5), watcher.next_event())
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(ev, Some((_, orch::protocol::Event::ShuttingDown { .. }))),
        "{ev:?}"
    );
    let r = tokio::time::timeout(Duration::from_secs(15), b.task)
        .await
        .unwrap();
    assert!(r.unwrap().is_ok());
    assert!(!b.socket.exists());
}
