/**
 * Lets the event loop run between letters: rendering a PDF never waits on I/O, so without a turn the password hashes
 * running on libuv's thread pool could not hand over their results (and start the next ones) until the letters are done.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
