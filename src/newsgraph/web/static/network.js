/* The overview's actor network, drawn with D3 3's force layout: pan by dragging the
   background, zoom with the wheel or a pinch, click (or Enter on) a name for the actor. */
(function () {
  "use strict";
  var box = document.getElementById("network");
  var data = document.getElementById("network-data");
  if (!box || !data || typeof d3 === "undefined") { return; }
  var graph = JSON.parse(data.textContent);
  if (!graph.nodes.length) {
    box.textContent = "No actors quoted yet.";
    return;
  }
  var width = box.clientWidth || 600;
  var height = Math.max(320, Math.min(560, width * 0.7));
  var index = {};
  graph.nodes.forEach(function (n, i) { index[n.id] = i; });
  var links = graph.edges.filter(function (e) {
    return e.source in index && e.target in index;
  }).map(function (e) {
    return { source: index[e.source], target: index[e.target], kind: e.kind, weight: e.weight };
  });

  var svg = d3.select(box).append("svg")
    .attr("width", "100%").attr("height", height)
    .attr("viewBox", "0 0 " + width + " " + height)
    .attr("role", "group").attr("aria-label", "Actor network");
  var defs = svg.append("defs");
  defs.append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8")
    .attr("refX", 16).attr("markerWidth", 6).attr("markerHeight", 6).attr("orient", "auto")
    .append("path").attr("d", "M0,-4L8,0L0,4").attr("class", "arrow");
  var layer = svg.append("g");
  svg.call(d3.behavior.zoom().scaleExtent([0.3, 5]).on("zoom", function () {
    layer.attr("transform", "translate(" + d3.event.translate + ")scale(" + d3.event.scale + ")");
  }));

  var most = d3.max(graph.nodes, function (n) { return n.quotes; }) || 1;
  var force = d3.layout.force().nodes(graph.nodes).links(links)
    .size([width, height]).charge(-420).linkDistance(120).start();

  var link = layer.selectAll(".link").data(links).enter().append("line")
    .attr("class", function (d) { return "link link-" + d.kind; })
    .attr("stroke-width", function (d) { return Math.min(1 + d.weight, 6); })
    .attr("marker-end", function (d) { return d.kind === "event" ? "url(#arrow)" : null; });

  var node = layer.selectAll(".node").data(graph.nodes).enter().append("a")
    .attr("class", "node")
    .attr("xlink:href", function (d) { return "/actors/" + encodeURIComponent(d.id); })
    .call(force.drag().on("dragstart", function () { d3.event.sourceEvent.stopPropagation(); }));
  node.append("circle").attr("r", function (d) { return 5 + 10 * Math.sqrt(d.quotes / most); });
  node.append("text").attr("dx", 10).attr("dy", 4).text(function (d) { return d.name || d.id; });
  node.append("title").text(function (d) { return (d.name || d.id) + ": " + d.quotes + " quotes"; });

  force.on("tick", function () {
    link.attr("x1", function (d) { return d.source.x; }).attr("y1", function (d) { return d.source.y; })
      .attr("x2", function (d) { return d.target.x; }).attr("y2", function (d) { return d.target.y; });
    node.attr("transform", function (d) { return "translate(" + d.x + "," + d.y + ")"; });
  });
  box.classList.add("ready");
})();
