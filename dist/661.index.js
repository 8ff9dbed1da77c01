export const id = 661;
export const ids = [661];
export const modules = {

/***/ 2651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   My: () => (/* binding */ MintedTokens),
/* harmony export */   QC: () => (/* binding */ BURN_STATE),
/* harmony export */   VK: () => (/* binding */ burnToken)
/* harmony export */ });
/* unused harmony export burnEndpoint */
/* harmony import */ var _common_urls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8299);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8948);


/** Short: burning is a courtesy at the end of a job, never worth holding it up. */
const BURN_TIMEOUT_MS = 10_000;
function burnEndpoint(indexUrl) {
    return new URL('/_/oidc/burn-token', indexUrl.origin);
}
/**
 * Revokes an upload token minted by trusted publishing before it would expire by itself
 * (`POST /_/oidc/burn-token`, answered 202). Best effort: never throws. PyPI's endpoint is new,
 * so an index without it (404, 405) is worth only a debug line.
 */
async function burnToken(indexUrl, token, log) {
    const url = burnEndpoint(indexUrl);
    if (!(0,_common_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialsAllowed */ .H2)(url)) {
        log.warning(`The upload token was not revoked: ${url.origin} is plain http:// to another machine. It expires by itself within 15 minutes.`);
        return 'failed';
    }
    try {
        const response = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .send */ .tN)(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ token }),
            idleTimeoutMs: BURN_TIMEOUT_MS,
        });
        if (response.status === 202) {
            log.info(`Revoked the upload token at ${url.origin} (burn-token answered ${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .statusLine */ .Bs)(response.status)}); it can no longer be used.`);
            return 'burned';
        }
        if (response.status === 404 || response.status === 405) {
            log.debug(`${url.href} answered ${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .statusLine */ .Bs)(response.status)}: this index cannot revoke upload tokens early; the token expires by itself within 15 minutes.`);
            return 'unsupported';
        }
        log.warning(`Could not revoke the upload token: ${url.href} answered ${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .statusLine */ .Bs)(response.status)}: ${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .serverMessage */ .x_)(response)}. It expires by itself within 15 minutes; nothing else to do.`);
        return 'failed';
    }
    catch (error) {
        log.warning(`Could not revoke the upload token: ${error.message}. It expires by itself within 15 minutes; nothing else to do.`);
        return 'failed';
    }
}
/** The state the post step reads; the token itself is masked in both steps before any use. */
const BURN_STATE = { tokens: 'upload-tokens', indexUrl: 'upload-index-url' };
/**
 * Every upload token minted in this run, until burned. Each change is saved to the step's state
 * at once, so that the post step can burn what a failed or cancelled main step left behind.
 */
class MintedTokens {
    indexUrl;
    saveState;
    tokens = [];
    constructor(indexUrl, saveState) {
        this.indexUrl = indexUrl;
        this.saveState = saveState;
    }
    remember(token) {
        this.tokens.push(token);
        this.persist();
    }
    get count() {
        return this.tokens.length;
    }
    /** Burns every token; the state is cleared either way, since a second try would meet the same answer. */
    async burnAll(log) {
        const outcomes = [];
        while (this.tokens.length)
            outcomes.push(await burnToken(this.indexUrl, this.tokens.shift(), log));
        this.persist();
        return outcomes;
    }
    persist() {
        this.saveState(BURN_STATE.indexUrl, this.tokens.length ? this.indexUrl.href : '');
        this.saveState(BURN_STATE.tokens, this.tokens.length ? JSON.stringify(this.tokens) : '');
    }
}


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revokeLeftoverTokens: () => (/* binding */ revokeLeftoverTokens)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _index_burn_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2651);
// The action's post step (runs.post): burns the upload tokens the main step left in its state. It
// leaves them there on purpose (src/main.ts: its run then ends with its last upload), and a failed
// or cancelled main step leaves them too; a main step without a state file burns its own.


/** Never fails the job: revoking is a courtesy, the token expires by itself. */
async function revokeLeftoverTokens() {
    await post().catch((error) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Revoking the upload token failed: ${error instanceof Error ? error.message : String(error)}`);
    });
}
async function post() {
    const raw = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_index_burn_js__WEBPACK_IMPORTED_MODULE_1__/* .BURN_STATE */ .QC.tokens);
    // Masked before anything else can print them (a post step's log is a new log).
    if (raw)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(raw);
    const tokens = parseTokens(raw);
    for (const token of tokens)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(token);
    if (!tokens.length) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug('No upload token is left to revoke.');
        return;
    }
    let indexUrl;
    try {
        indexUrl = new URL(_actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_index_burn_js__WEBPACK_IMPORTED_MODULE_1__/* .BURN_STATE */ .QC.indexUrl));
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning('The upload token could not be revoked: the main step saved no valid index URL. It expires by itself within 15 minutes.');
        return;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Revoking ${tokens.length === 1 ? 'the upload token' : `the ${tokens.length} upload tokens`} the main step minted.`);
    const log = {
        info: _actions_core__WEBPACK_IMPORTED_MODULE_0__.info,
        debug: _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug,
        warning: (message) => {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(message);
        },
    };
    for (const token of tokens)
        await (0,_index_burn_js__WEBPACK_IMPORTED_MODULE_1__/* .burnToken */ .VK)(indexUrl, token, log);
}
function parseTokens(raw) {
    if (!raw)
        return [];
    try {
        const parsed = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.filter((t) => typeof t === 'string' && t.length > 0) : [];
    }
    catch {
        return [];
    }
}


/***/ })

};
