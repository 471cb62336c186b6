// Preload for fault tests: SIGUSR2 makes a promise reject with nobody awaiting it, as pg-boss 10 does
// when the database goes away under a job handler (it completes jobs without awaiting the query).
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('job completion lost its database connection'));
});
