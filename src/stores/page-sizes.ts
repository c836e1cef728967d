/** How many timeline entries the case page reads at a time (also what the H5 boot script asks for ahead). */
export const TIMELINE_PAGE = 20;
