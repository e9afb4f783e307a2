// The Node.js flags the collector's processes run with wherever this repository starts them: `pnpm start`,
// `pnpm npsloop …` (the root package.json spells the same flag), the benchmarks and the tests' server processes.
//
// `--single-threaded-gc`: V8 collects garbage on the main thread alone instead of handing each young-generation
// collection to helper threads and marking and sweeping on others. An answer allocates ~19 KB, so under load a
// collection runs every few hundred answers; on a machine with a couple of cores shared with other processes (the
// database, a load balancer, the load generator of a benchmark) the helpers wait for a core and the main thread waits
// for them. In alternating 8 s loads on the 2-core test machine (collector README, "Garbage collection on one thread")
// the collector answered 10–19 % more a second with it, and used less CPU an answer. V8 does not take it in
// NODE_OPTIONS, and setting it after start crashes V8, so it goes on the command line.
export const NODE_FLAGS = ['--single-threaded-gc'];
