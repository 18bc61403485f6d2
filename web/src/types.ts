// The parts of the API's answers the console reads (docs/api.md; the OpenAPI document is the full reference).

export interface GeoPoint { lat: number; lon: number; }

export type Role = "agent" | "planner" | "admin";

export interface Caller { keyId: string; name: string; role: Role; }

export interface GeoJsonGeometry { type: "Polygon" | "MultiPolygon"; coordinates: unknown; }

export interface Region {
  code: string; name: string; geometry: GeoJsonGeometry; remote?: boolean; coverageStandardMin?: number;
}

export interface Resource { id: string; type: string; status: string; position?: GeoPoint; }

export interface Center {
  id: string; name: string; kind: "direct" | "partner"; location: GeoPoint; serviceRadiusKm?: number;
  resources?: Resource[];
}

export interface Rule {
  id: string; kind: "deny" | "partner_only" | string; types: string[]; zone?: GeoJsonGeometry; scope?: string;
  window?: { start: string; end: string; days?: number[]; tz?: string }; description?: string;
}

export interface FaultMode { mode: string; types: string[]; part?: string; }

export interface NetworkDocument {
  parameters: {
    resourceTypes: Record<string, { coverageClass?: string }>;
    faults: Record<string, FaultMode[]>;
  };
  regions: Region[];
  centers: Center[];
  rules?: Rule[];
}

export interface Breakdown {
  etaMin: number; modePenaltyMin: number; crossRegionPenaltyMin: number; partnerPenaltyMin: number;
  coverageLoss: number; coveragePenaltyMin: number;
}

export interface DispatchOption {
  resourceId: string; resourceType: string; centerId: string; centerKind: string; mode: string;
  part: string | null; etaMin: number; score: number; breakdown: Breakdown; withinStandard: boolean;
}

export interface Recommendation {
  region: string; status: "recommended" | "unassignable"; recommendation: DispatchOption | null;
  alternatives: DispatchOption[]; excluded: { resourceId: string; centerId: string; reason: string }[];
  computeMicros: number; coverageStandardMin: number;
}

export interface IncidentBody {
  id?: string; location: GeoPoint; fault: string;
  vehicle: { model?: string; powertrain: string; tireSpec?: string };
  priority: string; onExpressway?: boolean; customer?: { name: string; phone: string }; reportedAt?: string;
}

export interface TimelineEntry {
  type: string; at: string; position?: GeoPoint; resourceId?: string; detail?: string; level?: number; by: string;
}

export interface Notification {
  id: string; kind: string; createdAt: string; state: "pending" | "delivered" | "failed" | "skipped" | string;
  attempts: number; lastError?: string;
}

export interface Case {
  id: string; status: string; incident: IncidentBody & { reportedAt?: string };
  assignment: { resourceId: string; centerId: string; mode: string; part: string | null; etaMin: number; dispatchedAt: string } | null;
  timeline: TimelineEntry[]; timeToDispatchSec: number | null; escalationLevel: number; waiting: boolean;
  notifications: Notification[];
}

export interface ResponseStats { mean: number | null; p50: number | null; p90: number | null; p95: number | null; max: number | null; }

export interface Kpis {
  incidents: number; served: number; unserved: number; queued: number; responseMin: ResponseStats;
  withinStandardShare: number | null; stockOuts: number;
  byRegion: { region: string; name?: string; remote?: boolean; incidents: number; withinStandardShare: number | null }[];
  coverage?: Record<string, { all: number | null; remote: number | null }>;
  responseHistogram?: { binMin: number; counts: number[] };
}

export interface ScenarioRun {
  id: string; name?: string; status: "queued" | "running" | "completed" | "failed" | "cancelled";
  progress: number; error?: string; scenario?: Kpis | null; baseline?: Kpis | null;
}

export interface PlacementAnswer { sites: string[]; objective: number; coveredWeight?: number; optimal: boolean; gap: number; solveMillis: number; }
