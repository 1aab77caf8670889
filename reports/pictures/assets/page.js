"use strict";
(function () {
  var NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("unknot-data").textContent);
  var svg = document.getElementById("graph");
  var byId = {};
  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  var defs = el("defs", {}, svg);
  [["arrow", "#8896a8"], ["arrow-cut", "#c0392b"]].forEach(function (pair) {
    var marker = el("marker", {id: pair[0], viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto"}, defs);
    el("path", {d: "M 0 0 L 10 5 L 0 10 z", fill: pair[1]}, marker);
  });
  var edgeLayer = el("g", {"class": "edges"}, svg);
  var nodeLayer = el("g", {"class": "nodes"}, svg);
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  data.edges.forEach(function (e) {
    var s = byId[e.s], t = byId[e.t];
    // Down to what is imported; on one row, rightwards below the boxes and leftwards above.
    var x1 = s.x + s.w / 2, y1 = s.y + s.h, x2 = t.x + t.w / 2, y2 = t.y, c1, c2;
    if (t.y === s.y) {
      var below = s.x < t.x;
      y1 = below ? s.y + s.h : s.y; y2 = below ? t.y + t.h : t.y;
      c1 = y1 + (below ? 36 : -36); c2 = y2 + (below ? 36 : -36);
    } else {
      if (t.y + t.h <= s.y) { y1 = s.y; y2 = t.y + t.h; }
      c1 = y1 + (y2 - y1) / 2; c2 = y2 - (y2 - y1) / 2;
    }
    var d = "M " + x1 + " " + y1 + " C " + x1 + " " + c1 + " " + x2 + " " + c2 + " " + x2 + " " + y2;
    var classes = "edge " + e.kind + (e.cut ? " cut" : "") + (e.cycle ? " in-cycle" : "");
    var path = el("path", {d: d, "class": classes, "data-s": e.s, "data-t": e.t,
      "marker-end": e.cut ? "url(#arrow-cut)" : "url(#arrow)"}, edgeLayer);
    el("title", {}, path).textContent = s.name + " -> " + t.name +
      " (" + e.kind + (e.weight > 1 ? ", " + e.weight + " statements" : "") + (e.cut ? ", cut" : "") + ")";
  });
  data.nodes.forEach(function (n) {
    var g = el("g", {"class": "node" + (n.cycle ? " in-cycle" : ""), id: n.id,
      "data-name": n.name, transform: "translate(" + n.x + "," + n.y + ")"}, nodeLayer);
    el("rect", {width: n.w, height: n.h, rx: 6}, g);
    el("text", {x: 8, y: 14}, g).textContent = n.label;
    var size = n.modules > 1 ? n.modules + " modules" : n.lines.toLocaleString("en") + " lines";
    el("text", {x: 8, y: 27, "class": "size"}, g).textContent = size;
    el("title", {}, g).textContent = n.name + (n.cycle ? " (cycle " + n.cycle + ")" : "");
    g.addEventListener("click", function () { focus([n.id]); });
  });
  // Start fitted to the width, from the top: a tall layer stays readable and scrolls by drag.
  function initial() {
    var box = svg.getBoundingClientRect();
    var w = Math.max(data.width, 1), h = Math.max(data.height, 1);
    var aspect = box.width > 0 ? box.height / box.width : h / w;
    return {x: 0, y: 0, w: w, h: Math.max(Math.min(h, w * aspect), w * aspect * 0.25)};
  }
  var view = initial();
  function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  apply();
  function focus(ids) {
    var keep = {};
    ids.forEach(function (id) { keep[id] = true; });
    var none = ids.length === 0;
    Array.prototype.forEach.call(svg.querySelectorAll(".node"), function (g) {
      g.classList.toggle("highlight", !!keep[g.id]);
      g.classList.toggle("dim", !none && !keep[g.id]);
    });
    Array.prototype.forEach.call(svg.querySelectorAll(".edge"), function (p) {
      var on = keep[p.getAttribute("data-s")] && keep[p.getAttribute("data-t")];
      p.classList.toggle("dim", !none && !on && !(ids.length === 1 && (keep[p.getAttribute("data-s")] || keep[p.getAttribute("data-t")])));
    });
    if (ids.length) {
      var first = byId[ids[0]];
      view.x = first.x + first.w / 2 - view.w / 2; view.y = first.y - view.h / 3; apply();
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll("li.cycle"), function (item) {
    item.querySelector("a.show").addEventListener("click", function (event) {
      event.preventDefault();
      Array.prototype.forEach.call(document.querySelectorAll("li.cycle"), function (other) {
        other.classList.toggle("active", other === item);
      });
      focus(item.getAttribute("data-nodes").split(" ").filter(Boolean));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("a.member"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault(); focus([link.getAttribute("data-node")]);
    });
  });
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var scale = event.deltaY > 0 ? 1.15 : 1 / 1.15;
    var box = svg.getBoundingClientRect();
    var px = view.x + (event.clientX - box.left) / box.width * view.w;
    var py = view.y + (event.clientY - box.top) / box.height * view.h;
    view.x = px - (px - view.x) * scale; view.y = py - (py - view.y) * scale;
    view.w *= scale; view.h *= scale; apply();
  }, {passive: false});
  var drag = null;
  svg.addEventListener("mousedown", function (event) { drag = {x: event.clientX, y: event.clientY}; });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (event) {
    if (!drag) { return; }
    var box = svg.getBoundingClientRect();
    view.x -= (event.clientX - drag.x) / box.width * view.w;
    view.y -= (event.clientY - drag.y) / box.height * view.h;
    drag = {x: event.clientX, y: event.clientY}; apply();
  });
  svg.addEventListener("dblclick", function () {
    view = initial(); apply(); focus([]);
  });
  svg.setAttribute("data-drawn-nodes", String(nodeLayer.childNodes.length));
  svg.setAttribute("data-drawn-edges", String(edgeLayer.childNodes.length));
}());
