//! Google Meet's page: the pre-join screen's name field and "Ask to join" button, the
//! lobby's waiting text, the call's participant tiles (`data-participant-id`) with their
//! names (`.notranslate`) and speaking indicators, the leave button, and the texts of a
//! refused or ended call.

use super::Platform;

/// Google Meet.
pub struct GoogleMeet;

impl Platform for GoogleMeet {
    fn name(&self) -> &'static str {
        "google_meet"
    }

    fn script(&self) -> &'static str {
        SCRIPT
    }
}

const SCRIPT: &str = r#"
window.__orchPlatform = (() => {
  const NAME_INPUT = 'input[aria-label="Your name"], input[placeholder="Your name"]';
  const JOIN_TEXT = /^(Ask to join|Join now|Join anyway)$/;
  const MIC_OFF = '[aria-label*="Turn off microphone"]';
  const CAM_OFF = '[aria-label*="Turn off camera"]';
  const CAM_ON = '[aria-label*="Turn on camera"]';
  const LEAVE = 'button[aria-label*="Leave call"]';
  const TILE = '[data-participant-id]';
  const TILE_NAME = '[data-self-name], .notranslate';
  // Classes Meet sets on a tile's voice indicator while its participant speaks.
  const SPEAKING = ['Oaajhc', 'HX2H7', 'wEsLMd', 'OgVli'];
  const LOBBY = /Asking to be let in|You'll join the call when someone lets you in|Please wait until a meeting host brings you into the call/;
  const DENIED = /You can't join this call|denied your request to join|No one responded to your request to join/;
  const ENDED = /You left the meeting|The call has ended|This call has ended|You've been removed from the meeting|The meeting has ended/;
  let selfName = null;

  const text = (el) => ((el && el.textContent) || '').trim();
  // Only what is on screen counts: pages keep hidden views in the DOM.
  const shown = (el) => !!el && (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const find = (sel) => [...document.querySelectorAll(sel)].find(shown);
  const joinButton = () =>
    [...document.querySelectorAll('button, [role="button"]')].find((b) => shown(b) && JOIN_TEXT.test(text(b)));

  function participants() {
    const seen = new Map();
    for (const tile of document.querySelectorAll(TILE)) {
      if (!shown(tile)) continue;
      const id = tile.getAttribute('data-participant-id');
      if (!id || seen.has(id)) continue;
      const label = tile.querySelector(TILE_NAME);
      const name = (label && (label.getAttribute('data-self-name') || text(label))) || id;
      const speaking = SPEAKING.some((c) => tile.querySelector('.' + c) || tile.classList.contains(c));
      const self = name === selfName || /\(You\)$/.test(name);
      seen.set(id, { id, name: name.replace(/\s*\(You\)$/, ''), speaking, self });
    }
    return [...seen.values()];
  }

  return {
    ready() {
      return !!joinButton();
    },
    join(name, camera) {
      selfName = name;
      const did = [];
      const input = find(NAME_INPUT);
      if (input) {
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        set.call(input, name);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        did.push('name');
      }
      const mic = find(MIC_OFF);
      if (mic) { mic.click(); did.push('microphone off'); }
      const cam = find(camera ? CAM_ON : CAM_OFF);
      if (cam) { cam.click(); did.push(camera ? 'camera on' : 'camera off'); }
      const b = joinButton();
      if (!b) return 'no join button';
      did.push(text(b));
      b.click();
      return did.join(', ');
    },
    state() {
      const body = document.body ? document.body.innerText : '';
      let phase = 'loading';
      if (find(LEAVE)) phase = 'in_call';
      else if (DENIED.test(body)) phase = 'denied';
      else if (ENDED.test(body)) phase = 'ended';
      else if (LOBBY.test(body)) phase = 'lobby';
      else if (joinButton()) phase = 'prejoin';
      return { phase, participants: phase === 'in_call' ? participants() : [] };
    },
    leave() {
      const b = find(LEAVE);
      if (b) b.click();
      return !!b;
    },
  };
})();
"#;
