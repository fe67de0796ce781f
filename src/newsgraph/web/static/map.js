/* The overview's map: country outlines served by the app (no tiles), and the top places
   as circles sized by stories. Names are set as text, never as HTML. */
(function () {
  "use strict";
  var box = document.getElementById("map");
  var data = document.getElementById("places-data");
  if (!box || !data || typeof L === "undefined") { return; }
  var places = JSON.parse(data.textContent);
  var map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 8 }).setView([30, 10], 2);

  function label(place) {
    var span = document.createElement("span");
    span.textContent = place.name + (place.country ? " (" + place.country + ")" : "") +
      ": " + place.stories + " stories";
    return span;
  }

  fetch("/geo/countries.json").then(function (r) { return r.json(); }).then(function (world) {
    L.geoJSON(world, { style: { color: "#8a8f98", weight: 1, fillColor: "#e8e4d8", fillOpacity: 1 } })
      .addTo(map).bringToBack();
  });

  var most = places.reduce(function (m, p) { return Math.max(m, p.stories); }, 1);
  var bounds = [];
  places.forEach(function (p) {
    var link = document.createElement("a");
    link.href = "/search?place=" + encodeURIComponent(p.name);
    link.appendChild(label(p));
    L.circleMarker([p.lat, p.lon], {
      radius: 4 + 12 * Math.sqrt(p.stories / most), color: "#7a1f3d", weight: 1,
      fillColor: "#b3365b", fillOpacity: 0.7
    }).bindTooltip(label(p)).bindPopup(link).addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length > 1) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 4 }); }
  else if (bounds.length === 1) { map.setView(bounds[0], 4); }
  box.classList.add("ready");
})();
