/** The clock of builds and CLI tools: BUILD_NOW (an ISO date-time) when set, the real time otherwise. */
export function clockNow(): Date {
  const fixed = process.env['BUILD_NOW'];
  const now = fixed ? new Date(fixed) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`BUILD_NOW is not a date: ${fixed}`);
  return now;
}
