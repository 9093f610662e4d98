/* The verification page: scan a credential's QR code with the browser's own BarcodeDetector
   where it exists (no external script), put its text in the form and send it. Without it, or
   without a camera, the page works as it is: paste the text. */
(function () {
  var button = document.querySelector("[data-scan]");
  if (!button || !("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  var form = button.form;
  var view = document.querySelector("[data-scan-view]");
  var video = document.querySelector("[data-scan-video]");
  var status = document.querySelector("[data-scan-status]");
  var field = form.querySelector("textarea");
  var label = button.textContent;
  var stream = null;

  function stop() {
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
    view.hidden = true;
    button.textContent = label;
  }

  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf("qr_code") < 0) { return; }
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    button.hidden = false;
    button.addEventListener("click", function () {
      if (stream) { stop(); return; }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
        stream = media;
        video.srcObject = media;
        view.hidden = false;
        status.textContent = button.dataset.looking;
        button.textContent = button.dataset.stopLabel;
        return video.play().then(function look() {
          if (!stream) { return; }
          detector.detect(video).then(function (codes) {
            var found = codes.map(function (code) { return code.rawValue; })
              .filter(function (text) { return text.indexOf("MK1:") === 0; })[0];
            if (found) { field.value = found; stop(); form.submit(); }
            else { window.setTimeout(look, 250); }
          }, function () { window.setTimeout(look, 500); });
        });
      }).catch(function () {
        stop();
        video.hidden = true;
        status.textContent = button.dataset.noCamera;
        view.hidden = false;
      });
    });
  });
}());
