/**
 * Runs `fn` at most once per `ms`: the first call runs at once, later calls within the window collapse
 * into one trailing run at its end. `cancel` drops a pending trailing run.
 */
export function throttle(fn: () => void, ms: number, now: () => number = Date.now): { run: () => void; cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = now();
    fn();
  };
  return {
    run() {
      if (timer !== undefined) return;
      const wait = last + ms - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
