/** The time. core/ never reads the system clock; tests pass a FakeClock (STYLE.md "Shape"). */
export interface Clock {
  now(): Date;
}
