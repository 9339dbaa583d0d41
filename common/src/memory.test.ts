import { IdleMemoryRelease } from './memory';

// The scheduling of idle collections, with a collector that counts and an RSS the test sets
// (the real collector is memory.int.test.ts's).
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function harness(minGrowthBytes: number, idleMs = 30) {
  let rss = 200 * MB;
  const collections: { freed: number }[] = [];
  const release = new IdleMemoryRelease({
    idleMs,
    minGrowthBytes,
    rss: () => rss,
    collect: () => {
      rss = 210 * MB;
    },
    onCollect: (freed) => collections.push({ freed }),
  });
  return { release, collections, setRss: (bytes: number) => (rss = bytes) };
}

test('collects once the server has been idle for idleMs after a burst that grew RSS', async () => {
  const { release, collections, setRss } = harness(64 * MB);
  release.requestStarted();
  release.requestStarted();
  setRss(400 * MB);
  release.requestEnded();
  await sleep(80);
  expect(collections).toEqual([]); // one request still in flight
  release.requestEnded();
  await sleep(80);
  expect(collections).toEqual([{ freed: 190 * MB }]);
  await sleep(80);
  expect(collections).toHaveLength(1); // nothing new: no second collection
  release.stop();
});

test('a request during the quiet time postpones the collection; growth under the minimum collects nothing', async () => {
  const { release, collections, setRss } = harness(64 * MB, 60);
  setRss(400 * MB);
  release.requestStarted();
  release.requestEnded();
  await sleep(30);
  release.requestStarted(); // arrives before the 60 ms are up
  await sleep(60);
  expect(collections).toEqual([]);
  release.requestEnded();
  await sleep(120);
  expect(collections).toHaveLength(1);
  // After it, RSS 210 MB is the new baseline: a burst that adds 30 MB is not worth a pause.
  setRss(240 * MB);
  release.requestStarted();
  release.requestEnded();
  await sleep(120);
  expect(collections).toHaveLength(1);
  release.stop();
});

test('minGrowthBytes 0 collects after every quiet spell; stop() cancels a pending one', async () => {
  const { release, collections } = harness(0);
  release.requestStarted();
  release.requestEnded();
  await sleep(80);
  expect(collections).toHaveLength(1);
  release.requestStarted();
  release.requestEnded();
  release.stop();
  await sleep(80);
  expect(collections).toHaveLength(1);
});

test('track() counts a response until it closes', async () => {
  const { release, collections } = harness(0);
  const listeners: (() => void)[] = [];
  release.track({ once: (_event: 'close', listener: () => void) => listeners.push(listener) });
  await sleep(80);
  expect(collections).toEqual([]);
  listeners[0]();
  await sleep(80);
  expect(collections).toHaveLength(1);
  release.stop();
});
