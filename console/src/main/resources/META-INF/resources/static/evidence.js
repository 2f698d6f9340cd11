// Evidence content from the officer's desk: SHA-256 computed in the browser while the file is read in
// slices (hash-wasm: the Web Crypto API has no streaming digest), then the File streamed to the console
// with Content-Digest (RFC 9530); downloads hashed as they arrive. Nothing holds a whole file in memory.
(function () {
  'use strict';
  var SLICE = 8 * 1024 * 1024;

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function base64(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s);
  }

  function say(el, text, state) {
    el.textContent = text;
    el.setAttribute('data-state', state);
  }

  function percent(done, total) {
    return total > 0 ? Math.floor(done * 100 / total) : 100;
  }

  async function hashFile(file, progress) {
    var hasher = await hashwasm.createSHA256();
    hasher.init();
    for (var offset = 0; offset < file.size; offset += SLICE) {
      var slice = await file.slice(offset, Math.min(offset + SLICE, file.size)).arrayBuffer();
      hasher.update(new Uint8Array(slice));
      progress.value = percent(offset + slice.byteLength, file.size);
    }
    progress.value = 100;
    return hasher.digest('binary');
  }

  function setupUpload(section) {
    var input = document.getElementById('upload-file');
    var start = document.getElementById('upload-start');
    var hashProgress = document.getElementById('upload-hash-progress');
    var upProgress = document.getElementById('upload-progress');
    var state = document.getElementById('upload-state');
    var texts = section.dataset;
    input.addEventListener('change', function () { start.disabled = !input.files.length; });
    start.addEventListener('click', async function () {
      var file = input.files[0];
      if (!file) { return; }
      start.disabled = true;
      say(state, texts.msgHashing || 'Hashing…', 'hashing');
      var digest;
      try {
        digest = await hashFile(file, hashProgress);
      } catch (e) {
        say(state, String(e), 'error');
        start.disabled = false;
        return;
      }
      say(state, (texts.msgUploading || 'Uploading…') + ' sha-256=' + base64(digest), 'uploading');
      var xhr = new XMLHttpRequest();
      xhr.open('PUT', section.getAttribute('data-upload'));
      xhr.setRequestHeader('Content-Digest', 'sha-256=:' + base64(digest) + ':');
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('X-CSRF-Token', csrf());
      var etag = section.getAttribute('data-etag');
      if (etag) { xhr.setRequestHeader('If-Match', etag); }
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) { upProgress.value = percent(e.loaded, e.total); }
      });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          upProgress.value = 100;
          say(state, texts.msgDone || 'Stored.', 'done');
          window.location.assign(JSON.parse(xhr.responseText).next);
        } else {
          var detail = '';
          try { detail = JSON.parse(xhr.responseText).detail || ''; } catch (e) { detail = xhr.responseText; }
          say(state, 'HTTP ' + xhr.status + ' ' + detail, 'error');
          start.disabled = false;
        }
      });
      xhr.addEventListener('error', function () { say(state, 'network error', 'error'); start.disabled = false; });
      xhr.send(file);
    });
  }

  // The download itself is a custody event (a new version of the item): the receipt must carry the
  // version as it is now, read from the item's page as the service now shows it.
  async function refreshVersion(form) {
    var response = await fetch(window.location.pathname, { credentials: 'same-origin' });
    if (!response.ok) { return; }
    var page = new DOMParser().parseFromString(await response.text(), 'text/html');
    var fresh = page.querySelector('#receipt-form input[name="etag"]');
    if (fresh) { form.querySelector('input[name="etag"]').value = fresh.value; }
  }

  function setupVerify(section) {
    var start = document.getElementById('verify-start');
    if (!start) { return; }
    var progress = document.getElementById('verify-progress');
    var state = document.getElementById('verify-state');
    start.addEventListener('click', async function () {
      start.disabled = true;
      say(state, section.dataset.msgVerifying || 'Downloading and hashing…', 'hashing');
      try {
        var response = await fetch(section.getAttribute('data-content'), { credentials: 'same-origin' });
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        var total = Number(response.headers.get('Content-Length') || 0);
        var hasher = await hashwasm.createSHA256();
        hasher.init();
        var reader = response.body.getReader();
        var done = 0;
        for (;;) {
          var chunk = await reader.read();
          if (chunk.done) { break; }
          hasher.update(chunk.value);
          done += chunk.value.byteLength;
          progress.value = percent(done, total);
        }
        var hex = hasher.digest('hex');
        var expected = section.getAttribute('data-expected');
        var field = document.getElementById('receipt-sha256');
        if (field) {
          field.value = hex;
          await refreshVersion(field.form);
        }
        state.textContent = (hex === expected ? (section.dataset.msgMatch || 'Digests match: ') : (section.dataset.msgMismatch || 'Digests differ: ')) + hex;
        state.setAttribute('data-state', hex === expected ? 'match' : 'mismatch');
        state.setAttribute('data-digest', hex);
      } catch (e) {
        say(state, String(e), 'error');
      }
      start.disabled = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var upload = document.getElementById('upload');
    if (upload) { setupUpload(upload); }
    var content = document.getElementById('content');
    if (content) { setupVerify(content); }
  });
})();
