// Injected into every document of the meeting tab before the page's own scripts, after
// the platform's script (which defines window.__orchPlatform). Platform-independent:
//  - audio: every remote audio track (RTCPeerConnection `track` events and media
//    elements) is mixed to mono at 48 kHz by an AudioWorklet and handed to orch-meet
//    through the DevTools binding __orchAudio as "seq:base64 s16le" every 100 ms;
//  - camera: getUserMedia's video is a canvas orch-meet paints with the bot's webcam
//    frames (__orch.drawCamera); the microphone track is disabled;
//  - state: the platform's view of the page (phase, participants) goes to the binding
//    __orchState whenever the DOM changes it.
(() => {
  if (window.__orch) return;
  const RATE = 48000;
  const BATCH = 4800; // 100 ms
  const orch = (window.__orch = { tracks: new Map(), local: new Set(), seq: 0, dropped: 0 });

  // ---- audio ----
  function toBase64S16(f32) {
    const i16 = new Int16Array(f32.length);
    for (let i = 0; i < f32.length; i++) {
      const s = f32[i] > 1 ? 1 : f32[i] < -1 ? -1 : f32[i];
      i16[i] = s < 0 ? s * 32768 : s * 32767;
    }
    const bytes = new Uint8Array(i16.buffer);
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x2000) {
      bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000));
    }
    return btoa(bin);
  }

  function send(f32) {
    orch.seq += 1;
    try {
      window.__orchAudio(orch.seq + ':' + toBase64S16(f32));
    } catch (e) {
      orch.dropped += 1;
    }
  }

  const TAP = `class OrchTap extends AudioWorkletProcessor {
    constructor() { super(); this.buf = new Float32Array(${BATCH}); this.n = 0; }
    process(inputs) {
      const ch = inputs[0] && inputs[0][0];
      for (let i = 0; i < 128; i++) {
        this.buf[this.n++] = ch ? ch[i] : 0;
        if (this.n === ${BATCH}) {
          this.port.postMessage(this.buf, [this.buf.buffer]);
          this.buf = new Float32Array(${BATCH});
          this.n = 0;
        }
      }
      return true;
    }
  }
  registerProcessor('orch-tap', OrchTap);`;

  function context() {
    if (orch.ctx) return orch.ctx;
    const ctx = new AudioContext({ sampleRate: RATE });
    orch.ctx = ctx;
    orch.mix = ctx.createGain();
    const url = URL.createObjectURL(new Blob([TAP], { type: 'application/javascript' }));
    ctx.audioWorklet.addModule(url).then(() => {
      const tap = new AudioWorkletNode(ctx, 'orch-tap', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        channelCount: 1,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
      });
      orch.mix.connect(tap);
      // A worklet is only pulled when it reaches the destination: through silence.
      const sink = ctx.createGain();
      sink.gain.value = 0;
      tap.connect(sink);
      sink.connect(ctx.destination);
      tap.port.onmessage = (e) => send(e.data);
      orch.running = true;
    });
    const wake = () => {
      if (ctx.state !== 'running') ctx.resume();
    };
    setInterval(wake, 1000);
    wake();
    return ctx;
  }

  function addTrack(track) {
    if (!track || track.kind !== 'audio' || orch.local.has(track.id) || orch.tracks.has(track.id)) return;
    const ctx = context();
    const src = ctx.createMediaStreamSource(new MediaStream([track]));
    src.connect(orch.mix);
    orch.tracks.set(track.id, src);
    track.addEventListener('ended', () => {
      src.disconnect();
      orch.tracks.delete(track.id);
    });
  }

  const Native = window.RTCPeerConnection;
  if (Native) {
    const Wrapped = function (...args) {
      const pc = new Native(...args);
      pc.addEventListener('track', (e) => addTrack(e.track));
      return pc;
    };
    Wrapped.prototype = Native.prototype;
    Object.setPrototypeOf(Wrapped, Native);
    window.RTCPeerConnection = Wrapped;
  }

  function scanMedia() {
    for (const el of document.querySelectorAll('audio, video')) {
      const s = el.srcObject;
      if (s && typeof s.getAudioTracks === 'function') s.getAudioTracks().forEach(addTrack);
    }
  }
  setInterval(scanMedia, 1000);
  context();

  // ---- camera ----
  const canvas = document.createElement('canvas');
  canvas.width = 1280;
  canvas.height = 720;
  const g = canvas.getContext('2d');
  g.fillStyle = '#202124';
  g.fillRect(0, 0, canvas.width, canvas.height);
  let frame = null;
  orch.drawCamera = async (b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    if (canvas.width !== img.width || canvas.height !== img.height) {
      canvas.width = img.width;
      canvas.height = img.height;
    }
    frame = img;
    g.drawImage(img, 0, 0);
    return canvas.width + 'x' + canvas.height;
  };
  // Repaint now and then: a canvas stream sends frames when the canvas is painted.
  setInterval(() => {
    if (frame) g.drawImage(frame, 0, 0);
  }, 500);
  const md = navigator.mediaDevices;
  if (md && md.getUserMedia) {
    const native = md.getUserMedia.bind(md);
    md.getUserMedia = async (c) => {
      const out = new MediaStream();
      if (c && c.audio) {
        const s = await native({ audio: true });
        for (const t of s.getAudioTracks()) {
          orch.local.add(t.id);
          t.enabled = false; // the bot never speaks
          out.addTrack(t);
        }
      }
      if (c && c.video) {
        const t = canvas.captureStream(15).getVideoTracks()[0];
        orch.local.add(t.id);
        out.addTrack(t);
      }
      return out;
    };
  }

  // ---- page state ----
  let last = '';
  let timer = null;
  function report() {
    timer = null;
    if (!window.__orchPlatform || typeof window.__orchState !== 'function') return;
    let s;
    try {
      s = JSON.stringify(window.__orchPlatform.state());
    } catch (e) {
      s = JSON.stringify({ phase: 'unknown', error: String(e), participants: [] });
    }
    if (s !== last) {
      last = s;
      window.__orchState(s);
    }
  }
  orch.report = () => {
    last = '';
    report();
  };
  function watch() {
    new MutationObserver(() => {
      if (!timer) timer = setTimeout(report, 100);
    }).observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    report();
  }
  if (document.documentElement) watch();
  else document.addEventListener('DOMContentLoaded', watch);
  setInterval(report, 1000);
})();
