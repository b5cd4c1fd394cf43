//! The local-socket protocol between `orch` and `orchd`, documented in
//! `docs/protocol.md`.
//!
//! - [`frame`]: length-prefixed frames, size-checked before allocation, generic over
//!   async readers and writers.
//! - [`message`]: the two enums (requests and responses) and their payloads.
//! - [`client`]: connecting, the version handshake, requests and subscriptions.

pub mod client;
pub mod frame;
pub mod message;

pub use client::Client;
pub use message::*;

/// Version of the wire protocol. A client and a daemon must speak the same one.
pub const PROTOCOL_VERSION: u32 = 1;
