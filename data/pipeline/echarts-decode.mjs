// Decoder for the compact coordinate encoding of ECharts map files ("UTF8Encoding": true).
//
// Each ring is a string; every two characters are one vertex (x, y). A character's code minus 64 is a
// zigzag-encoded integer (0, -1, 1, -2, ... as 0, 1, 2, 3, ...), the difference from the previous vertex in
// units of 1/1024 degree. The first vertex is a difference from the ring's entry in `encodeOffsets`
// (absolute, same units), which is why every ring string starts with "@@" (a zero difference).
//
// Nesting in this file is one level flatter than GeoJSON: a MultiPolygon's coordinates are
// [[ring, ring, ...]] with offsets [[[x, y], ...]], and every ring is clockwise, islands and all, so nothing
// tells a hole from an island. We therefore write every ring as its own polygon; the .NET build step unions
// them, which is also how the map draws (non-zero fill of same-orientation rings).

const SCALE = 1024;

export function decodeRing(encoded, offset) {
  if (encoded.length % 2 !== 0) {
    throw new Error('an encoded ring must have an even number of characters');
  }

  const ring = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    x += unzigzag(encoded.charCodeAt(i) - 64);
    y += unzigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / SCALE, y / SCALE]);
  }

  return ring;
}

function unzigzag(n) {
  if (n < 0) {
    throw new Error(`character below the encoding range (${n + 64})`);
  }

  return (n >> 1) ^ -(n & 1);
}

/** Decodes an encoded Polygon or MultiPolygon into a GeoJSON MultiPolygon, one polygon per ring. */
export function decodeEchartsGeometry(geometry) {
  const pairs = [];
  if (geometry.type === 'Polygon') {
    geometry.coordinates.forEach((ring, i) => pairs.push([ring, geometry.encodeOffsets[i]]));
  } else if (geometry.type === 'MultiPolygon') {
    geometry.coordinates.forEach((polygon, i) =>
      polygon.forEach((ring, j) => pairs.push([ring, geometry.encodeOffsets[i][j]])));
  } else {
    throw new Error(`unsupported geometry type ${geometry.type}`);
  }

  const polygons = [];
  for (const [encoded, offset] of pairs) {
    const ring = closeRing(decodeRing(encoded, offset));
    // A ring needs three distinct vertices to enclose anything; the source has a few two-point slivers.
    if (distinctCount(ring) >= 3) {
      polygons.push([ring]);
    }
  }

  return { type: 'MultiPolygon', coordinates: polygons };
}

function closeRing(ring) {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}

function distinctCount(ring) {
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
}
