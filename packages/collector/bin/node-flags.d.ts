/** The Node.js flags the collector's processes run with wherever this repository starts them (see node-flags.js). */
export declare const NODE_FLAGS: readonly string[];
