// Embeds (blog/embeds.py): each embed figure links to its video or post; this adds a button
// that puts the host's player in a frame when the reader asks, and not before.
(function () {
  "use strict";

  function addButton(figure) {
    if (figure.querySelector(".embed-load")) return;
    var host = figure.getAttribute("data-embed-host");
    var isVideo = figure.classList.contains("embed-video");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-load";
    button.textContent = (isVideo ? "Play the video here" : "Show the post here") + " (loads " + host + ")";
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.getAttribute("data-embed-src");
      frame.title = (isVideo ? "Video" : "Post") + " from " + host;
      frame.className = "embed-frame";
      frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation");
      figure.insertBefore(frame, figure.firstChild);
      button.remove();
      var notice = figure.querySelector(".embed-notice");
      if (notice) notice.textContent = "Hosted by " + host + ".";
      frame.focus();
    });
    figure.querySelector(".embed-link").appendChild(button);
  }

  // Also for embeds added to the page later (live updates): window.newsroomEmbeds(element).
  window.newsroomEmbeds = function (root) {
    (root || document).querySelectorAll("figure.embed[data-embed-src]").forEach(addButton);
  };
  window.newsroomEmbeds(document);
})();
