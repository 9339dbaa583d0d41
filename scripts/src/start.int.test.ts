import net from 'node:net';
import { checkPortFree } from './start';

test('a port in use gives one line naming the port and the variable', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const port = (holder.address() as net.AddressInfo).port;
  try {
    expect(await checkPortFree(port, '127.0.0.1', 'TASKS_PORT')).toBe(`Port ${port} is already in use: set TASKS_PORT to a free port.`);
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
  expect(await checkPortFree(port, '127.0.0.1', 'TASKS_PORT')).toBeUndefined();
});
