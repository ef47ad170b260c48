/** NETNS_PROXY_READY is the `msg` of the netns proxy's log line that says it serves. */
export const NETNS_PROXY_READY = 'netns fault proxy listening';

/** NETNS_PROXY_MAIN_FILE is the netns proxy's program, compiled next to this file. */
export const NETNS_PROXY_MAIN_FILE = 'netns-proxy-main.js';
