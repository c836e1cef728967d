/** The H5 app's same-origin endpoints (the HTTP entry, server/http). */
export const H5_API_URL = '/api';
/** Several reads in one request, answered as /api would answer each (reads only). */
export const H5_BATCH_URL = '/api/batch';
/** Dev sign-in's list of personas (404 where dev sign-in is off). */
export const DEV_PERSONAS_URL = '/api/dev/personas';
