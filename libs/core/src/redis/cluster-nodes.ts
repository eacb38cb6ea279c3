/** One Redis Cluster seed node. */
export interface ClusterNode {
  host: string;
  port: number;
}

/** Parses REDIS_CLUSTER_NODES ("host:port,host:port"); throws naming the bad entry. */
export function parseClusterNodes(value: string): ClusterNode[] {
  const nodes = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const i = entry.lastIndexOf(':');
      const host = entry.slice(0, i);
      const port = Number(entry.slice(i + 1));
      if (i <= 0 || !Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`REDIS_CLUSTER_NODES: "${entry}" is not host:port`);
      }
      return { host, port };
    });
  if (nodes.length === 0) throw new Error('REDIS_CLUSTER_NODES: no nodes given');
  return nodes;
}
