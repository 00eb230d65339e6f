export enum ApiKey {
  Produce = 0,
  Fetch = 1,
  ListOffsets = 2,
  Metadata = 3,
  OffsetCommit = 8,
  OffsetFetch = 9,
  FindCoordinator = 10,
  JoinGroup = 11,
  Heartbeat = 12,
  LeaveGroup = 13,
  SyncGroup = 14,
  DescribeGroups = 15,
  ListGroups = 16,
  ApiVersions = 18,
  CreateTopics = 19,
  DeleteTopics = 20,
  InitProducerId = 22,
}

export interface VersionRange {
  min: number;
  max: number;
}

/**
 * What the broker advertises. The ranges follow shared/reference/kafka-wire-broker.md §1: minimums of 0
 * for the group APIs keep librdkafka's feature gates on, and no flexible version is advertised except
 * ApiVersions v3, which librdkafka sends first.
 */
export const SUPPORTED_VERSIONS: ReadonlyMap<ApiKey, VersionRange> = new Map([
  [ApiKey.Produce, { min: 3, max: 7 }],
  [ApiKey.Fetch, { min: 4, max: 11 }],
  [ApiKey.ListOffsets, { min: 1, max: 2 }],
  [ApiKey.Metadata, { min: 0, max: 4 }],
  [ApiKey.OffsetCommit, { min: 2, max: 5 }],
  [ApiKey.OffsetFetch, { min: 1, max: 4 }],
  [ApiKey.FindCoordinator, { min: 0, max: 2 }],
  [ApiKey.JoinGroup, { min: 0, max: 5 }],
  [ApiKey.Heartbeat, { min: 0, max: 3 }],
  [ApiKey.LeaveGroup, { min: 0, max: 1 }],
  [ApiKey.SyncGroup, { min: 0, max: 3 }],
  [ApiKey.DescribeGroups, { min: 0, max: 2 }],
  [ApiKey.ListGroups, { min: 0, max: 2 }],
  [ApiKey.ApiVersions, { min: 0, max: 3 }],
  [ApiKey.CreateTopics, { min: 0, max: 3 }],
  [ApiKey.DeleteTopics, { min: 0, max: 1 }],
  [ApiKey.InitProducerId, { min: 0, max: 1 }],
]);

/** The only flexible request this broker accepts is ApiVersions v3 (request header v2). */
export function usesFlexibleHeader(apiKey: number, apiVersion: number): boolean {
  return apiKey === ApiKey.ApiVersions && apiVersion >= 3;
}
