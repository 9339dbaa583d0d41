import net from 'node:net';
import { checkPortFree, portOf, SERVICES } from './start';

describe('npm start helpers', () => {
  test('ports default to 4000–4003 and follow the variables', () => {
    expect(SERVICES.map((s) => portOf(s, {}))).toEqual([4001, 4002, 4003, 4000]);
    expect(portOf(SERVICES[0], { GEOGRAPHY_PORT: '5001' })).toBe(5001);
    expect(() => portOf(SERVICES[3], { GATEWAY_PORT: 'http' })).toThrow('GATEWAY_PORT=http is not a port number');
  });

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
});
