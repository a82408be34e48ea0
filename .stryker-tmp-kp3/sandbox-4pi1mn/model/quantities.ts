/**
 * Kubernetes quantities in kubeprop's canonical units (cpu in millicores, memory and storage in Mi,
 * everything else as a count) and their canonical text, so the model can predict messages that
 * print quantities (quota, LimitRange, eviction) and reducers can read quantities back.
 * Source: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (String, CanonicalizeBytes).
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
export type QuantityUnit = 'milliCpu' | 'mebibytes' | 'count';
const MEBIBYTE = stryMutAct_9fa48("1099") ? 1024 / 1024 : (stryCov_9fa48("1099"), 1024 * 1024);
const DECIMAL_SUFFIXES: Record<number, string> = stryMutAct_9fa48("1100") ? {} : (stryCov_9fa48("1100"), {
  0: stryMutAct_9fa48("1101") ? "Stryker was here!" : (stryCov_9fa48("1101"), ''),
  3: stryMutAct_9fa48("1102") ? "" : (stryCov_9fa48("1102"), 'k'),
  6: stryMutAct_9fa48("1103") ? "" : (stryCov_9fa48("1103"), 'M'),
  9: stryMutAct_9fa48("1104") ? "" : (stryCov_9fa48("1104"), 'G'),
  12: stryMutAct_9fa48("1105") ? "" : (stryCov_9fa48("1105"), 'T'),
  15: stryMutAct_9fa48("1106") ? "" : (stryCov_9fa48("1106"), 'P'),
  18: stryMutAct_9fa48("1107") ? "" : (stryCov_9fa48("1107"), 'E')
});
const BINARY_SUFFIXES = stryMutAct_9fa48("1108") ? [] : (stryCov_9fa48("1108"), [stryMutAct_9fa48("1109") ? "Stryker was here!" : (stryCov_9fa48("1109"), ''), stryMutAct_9fa48("1110") ? "" : (stryCov_9fa48("1110"), 'Ki'), stryMutAct_9fa48("1111") ? "" : (stryCov_9fa48("1111"), 'Mi'), stryMutAct_9fa48("1112") ? "" : (stryCov_9fa48("1112"), 'Gi'), stryMutAct_9fa48("1113") ? "" : (stryCov_9fa48("1113"), 'Ti'), stryMutAct_9fa48("1114") ? "" : (stryCov_9fa48("1114"), 'Pi'), stryMutAct_9fa48("1115") ? "" : (stryCov_9fa48("1115"), 'Ei')]);

/** Which canonical unit a resource name (or quota key such as "limits.memory") is counted in. */
export function unitOf(resourceName: string): QuantityUnit {
  if (stryMutAct_9fa48("1116")) {
    {}
  } else {
    stryCov_9fa48("1116");
    const base = resourceName.replace(stryMutAct_9fa48("1117") ? /(requests|limits)\./ : (stryCov_9fa48("1117"), /^(requests|limits)\./), stryMutAct_9fa48("1118") ? "Stryker was here!" : (stryCov_9fa48("1118"), ''));
    if (stryMutAct_9fa48("1121") ? base !== 'cpu' : stryMutAct_9fa48("1120") ? false : stryMutAct_9fa48("1119") ? true : (stryCov_9fa48("1119", "1120", "1121"), base === (stryMutAct_9fa48("1122") ? "" : (stryCov_9fa48("1122"), 'cpu')))) return stryMutAct_9fa48("1123") ? "" : (stryCov_9fa48("1123"), 'milliCpu');
    if (stryMutAct_9fa48("1126") ? (base === 'memory' || base === 'ephemeral-storage') && base.startsWith('hugepages-') : stryMutAct_9fa48("1125") ? false : stryMutAct_9fa48("1124") ? true : (stryCov_9fa48("1124", "1125", "1126"), (stryMutAct_9fa48("1128") ? base === 'memory' && base === 'ephemeral-storage' : stryMutAct_9fa48("1127") ? false : (stryCov_9fa48("1127", "1128"), (stryMutAct_9fa48("1130") ? base !== 'memory' : stryMutAct_9fa48("1129") ? false : (stryCov_9fa48("1129", "1130"), base === (stryMutAct_9fa48("1131") ? "" : (stryCov_9fa48("1131"), 'memory')))) || (stryMutAct_9fa48("1133") ? base !== 'ephemeral-storage' : stryMutAct_9fa48("1132") ? false : (stryCov_9fa48("1132", "1133"), base === (stryMutAct_9fa48("1134") ? "" : (stryCov_9fa48("1134"), 'ephemeral-storage')))))) || (stryMutAct_9fa48("1135") ? base.endsWith('hugepages-') : (stryCov_9fa48("1135"), base.startsWith(stryMutAct_9fa48("1136") ? "" : (stryCov_9fa48("1136"), 'hugepages-')))))) return stryMutAct_9fa48("1137") ? "" : (stryCov_9fa48("1137"), 'mebibytes');
    return stryMutAct_9fa48("1138") ? "" : (stryCov_9fa48("1138"), 'count');
  }
}

/** DecimalSI canonical form of an integer number of units: the largest power-of-1000 suffix that keeps it whole. */
function formatDecimalUnits(units: number): string {
  if (stryMutAct_9fa48("1139")) {
    {}
  } else {
    stryCov_9fa48("1139");
    if (stryMutAct_9fa48("1142") ? units !== 0 : stryMutAct_9fa48("1141") ? false : stryMutAct_9fa48("1140") ? true : (stryCov_9fa48("1140", "1141", "1142"), units === 0)) return stryMutAct_9fa48("1143") ? "" : (stryCov_9fa48("1143"), '0');
    let mantissa = units;
    let exponent = 0;
    while (stryMutAct_9fa48("1145") ? exponent < 18 || mantissa % 1000 === 0 : stryMutAct_9fa48("1144") ? false : (stryCov_9fa48("1144", "1145"), (stryMutAct_9fa48("1148") ? exponent >= 18 : stryMutAct_9fa48("1147") ? exponent <= 18 : stryMutAct_9fa48("1146") ? true : (stryCov_9fa48("1146", "1147", "1148"), exponent < 18)) && (stryMutAct_9fa48("1150") ? mantissa % 1000 !== 0 : stryMutAct_9fa48("1149") ? true : (stryCov_9fa48("1149", "1150"), (stryMutAct_9fa48("1151") ? mantissa * 1000 : (stryCov_9fa48("1151"), mantissa % 1000)) === 0)))) {
      if (stryMutAct_9fa48("1152")) {
        {}
      } else {
        stryCov_9fa48("1152");
        stryMutAct_9fa48("1153") ? mantissa *= 1000 : (stryCov_9fa48("1153"), mantissa /= 1000);
        stryMutAct_9fa48("1154") ? exponent -= 3 : (stryCov_9fa48("1154"), exponent += 3);
      }
    }
    return stryMutAct_9fa48("1155") ? `` : (stryCov_9fa48("1155"), `${mantissa}${DECIMAL_SUFFIXES[exponent]}`);
  }
}

/** "250m", "1", "1500m", "1k": a cpu quantity given in millicores, as Quantity.String prints it. */
export function formatMilli(milli: number): string {
  if (stryMutAct_9fa48("1156")) {
    {}
  } else {
    stryCov_9fa48("1156");
    const whole = Math.round(milli);
    if (stryMutAct_9fa48("1159") ? whole !== 0 : stryMutAct_9fa48("1158") ? false : stryMutAct_9fa48("1157") ? true : (stryCov_9fa48("1157", "1158", "1159"), whole === 0)) return stryMutAct_9fa48("1160") ? "" : (stryCov_9fa48("1160"), '0');
    if (stryMutAct_9fa48("1163") ? whole % 1000 === 0 : stryMutAct_9fa48("1162") ? false : stryMutAct_9fa48("1161") ? true : (stryCov_9fa48("1161", "1162", "1163"), (stryMutAct_9fa48("1164") ? whole * 1000 : (stryCov_9fa48("1164"), whole % 1000)) !== 0)) return stryMutAct_9fa48("1165") ? `` : (stryCov_9fa48("1165"), `${whole}m`);
    return formatDecimalUnits(stryMutAct_9fa48("1166") ? whole * 1000 : (stryCov_9fa48("1166"), whole / 1000));
  }
}

/** "64Mi", "1Gi", "1536Mi": a BinarySI quantity given in Mi, as Quantity.String prints it. */
export function formatMebibytes(mebibytes: number): string {
  if (stryMutAct_9fa48("1167")) {
    {}
  } else {
    stryCov_9fa48("1167");
    const bytes = Math.round(stryMutAct_9fa48("1168") ? mebibytes / MEBIBYTE : (stryCov_9fa48("1168"), mebibytes * MEBIBYTE));
    if (stryMutAct_9fa48("1171") ? bytes !== 0 : stryMutAct_9fa48("1170") ? false : stryMutAct_9fa48("1169") ? true : (stryCov_9fa48("1169", "1170", "1171"), bytes === 0)) return stryMutAct_9fa48("1172") ? "" : (stryCov_9fa48("1172"), '0');
    let mantissa = bytes;
    let power = 0;
    while (stryMutAct_9fa48("1174") ? power < BINARY_SUFFIXES.length - 1 || mantissa % 1024 === 0 : stryMutAct_9fa48("1173") ? false : (stryCov_9fa48("1173", "1174"), (stryMutAct_9fa48("1177") ? power >= BINARY_SUFFIXES.length - 1 : stryMutAct_9fa48("1176") ? power <= BINARY_SUFFIXES.length - 1 : stryMutAct_9fa48("1175") ? true : (stryCov_9fa48("1175", "1176", "1177"), power < (stryMutAct_9fa48("1178") ? BINARY_SUFFIXES.length + 1 : (stryCov_9fa48("1178"), BINARY_SUFFIXES.length - 1)))) && (stryMutAct_9fa48("1180") ? mantissa % 1024 !== 0 : stryMutAct_9fa48("1179") ? true : (stryCov_9fa48("1179", "1180"), (stryMutAct_9fa48("1181") ? mantissa * 1024 : (stryCov_9fa48("1181"), mantissa % 1024)) === 0)))) {
      if (stryMutAct_9fa48("1182")) {
        {}
      } else {
        stryCov_9fa48("1182");
        stryMutAct_9fa48("1183") ? mantissa *= 1024 : (stryCov_9fa48("1183"), mantissa /= 1024);
        stryMutAct_9fa48("1184") ? power -= 1 : (stryCov_9fa48("1184"), power += 1);
      }
    }
    return stryMutAct_9fa48("1185") ? `` : (stryCov_9fa48("1185"), `${mantissa}${BINARY_SUFFIXES[power]}`);
  }
}

/** A value in the resource's canonical unit, printed as the API server prints that quantity. */
export function formatQuantity(resourceName: string, value: number): string {
  if (stryMutAct_9fa48("1186")) {
    {}
  } else {
    stryCov_9fa48("1186");
    switch (unitOf(resourceName)) {
      case stryMutAct_9fa48("1188") ? "" : (stryCov_9fa48("1188"), 'milliCpu'):
        if (stryMutAct_9fa48("1187")) {} else {
          stryCov_9fa48("1187");
          return formatMilli(value);
        }
      case stryMutAct_9fa48("1190") ? "" : (stryCov_9fa48("1190"), 'mebibytes'):
        if (stryMutAct_9fa48("1189")) {} else {
          stryCov_9fa48("1189");
          return formatMebibytes(value);
        }
      case stryMutAct_9fa48("1192") ? "" : (stryCov_9fa48("1192"), 'count'):
        if (stryMutAct_9fa48("1191")) {} else {
          stryCov_9fa48("1191");
          return formatDecimalUnits(Math.round(value));
        }
    }
  }
}
const SUFFIX_FACTORS: Record<string, number> = stryMutAct_9fa48("1193") ? {} : (stryCov_9fa48("1193"), {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
});
const QUANTITY_PATTERN = stryMutAct_9fa48("1211") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([^a-zA-Z]*))$/ : stryMutAct_9fa48("1210") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]))$/ : stryMutAct_9fa48("1209") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\D+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1208") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1207") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([^+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1206") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1205") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[^eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1204") ? /^([+-]?(?:\d+\.?\d*|\.\D+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1203") ? /^([+-]?(?:\d+\.?\d*|\.\d))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1202") ? /^([+-]?(?:\d+\.?\D*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1201") ? /^([+-]?(?:\d+\.?\d|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1200") ? /^([+-]?(?:\d+\.\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1199") ? /^([+-]?(?:\D+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1198") ? /^([+-]?(?:\d\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1197") ? /^([^+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1196") ? /^([+-](?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : stryMutAct_9fa48("1195") ? /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))/ : stryMutAct_9fa48("1194") ? /([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/ : (stryCov_9fa48("1194", "1195", "1196", "1197", "1198", "1199", "1200", "1201", "1202", "1203", "1204", "1205", "1206", "1207", "1208", "1209", "1210", "1211"), /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/);

/** Parses a quantity ("100m", "64Mi", "1e3", "2") into base units (cores, bytes, items); undefined if malformed. */
export function parseQuantity(text: string): number | undefined {
  if (stryMutAct_9fa48("1212")) {
    {}
  } else {
    stryCov_9fa48("1212");
    const match = QUANTITY_PATTERN.exec(stryMutAct_9fa48("1213") ? text : (stryCov_9fa48("1213"), text.trim()));
    if (stryMutAct_9fa48("1216") ? false : stryMutAct_9fa48("1215") ? true : stryMutAct_9fa48("1214") ? match : (stryCov_9fa48("1214", "1215", "1216"), !match)) return undefined;
    const [, number, exponent, suffix] = match;
    if (stryMutAct_9fa48("1219") ? exponent === undefined : stryMutAct_9fa48("1218") ? false : stryMutAct_9fa48("1217") ? true : (stryCov_9fa48("1217", "1218", "1219"), exponent !== undefined)) return stryMutAct_9fa48("1220") ? Number(number) / 10 ** Number(exponent) : (stryCov_9fa48("1220"), Number(number) * 10 ** Number(exponent));
    const factor = SUFFIX_FACTORS[stryMutAct_9fa48("1221") ? suffix && '' : (stryCov_9fa48("1221"), suffix ?? (stryMutAct_9fa48("1222") ? "Stryker was here!" : (stryCov_9fa48("1222"), '')))];
    return (stryMutAct_9fa48("1225") ? factor !== undefined : stryMutAct_9fa48("1224") ? false : stryMutAct_9fa48("1223") ? true : (stryCov_9fa48("1223", "1224", "1225"), factor === undefined)) ? undefined : stryMutAct_9fa48("1226") ? Number(number) / factor : (stryCov_9fa48("1226"), Number(number) * factor);
  }
}

/** Parses a quantity into the canonical unit of the named resource (cpu → millicores, memory → Mi). */
export function parseInUnitOf(resourceName: string, text: string): number | undefined {
  if (stryMutAct_9fa48("1227")) {
    {}
  } else {
    stryCov_9fa48("1227");
    const base = parseQuantity(text);
    if (stryMutAct_9fa48("1230") ? base !== undefined : stryMutAct_9fa48("1229") ? false : stryMutAct_9fa48("1228") ? true : (stryCov_9fa48("1228", "1229", "1230"), base === undefined)) return undefined;
    switch (unitOf(resourceName)) {
      case stryMutAct_9fa48("1232") ? "" : (stryCov_9fa48("1232"), 'milliCpu'):
        if (stryMutAct_9fa48("1231")) {} else {
          stryCov_9fa48("1231");
          return Math.round(stryMutAct_9fa48("1233") ? base / 1000 : (stryCov_9fa48("1233"), base * 1000));
        }
      case stryMutAct_9fa48("1235") ? "" : (stryCov_9fa48("1235"), 'mebibytes'):
        if (stryMutAct_9fa48("1234")) {} else {
          stryCov_9fa48("1234");
          return stryMutAct_9fa48("1236") ? base * MEBIBYTE : (stryCov_9fa48("1236"), base / MEBIBYTE);
        }
      case stryMutAct_9fa48("1238") ? "" : (stryCov_9fa48("1238"), 'count'):
        if (stryMutAct_9fa48("1237")) {} else {
          stryCov_9fa48("1237");
          return base;
        }
    }
  }
}