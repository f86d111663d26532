/**
 * Waits for `p` up to `ms`: true when it settled (fulfilled or rejected) in time, false otherwise. For
 * waits that must end even when a peer never answers (closing clients of a server that went away);
 * the promise itself is left to settle or not.
 */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      p.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
