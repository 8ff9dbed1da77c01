export const id = 283;
export const ids = [283];
export const modules = {

/***/ 62283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createPublishSigner: () => (/* binding */ createPublishSigner)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_sign__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15179);
/* harmony import */ var _pep740_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56191);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99867);
// Loaded only when a run signs (import() in attest.ts): sigstore-js is most of the bundle's size.





function createPublishSigner(options) {
    const retry = {
        retries: options.retries,
        factor: 2,
        minTimeout: options.retryDelayMs,
        maxTimeout: options.retryDelayMs * 8,
    };
    const signer = new CertifiedKey(options, retry);
    const rekor = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_2__/* .RekorWitness */ .fU({
        rekorBaseURL: trimSlash(options.endpoints.rekor),
        entryType: 'dsse',
        retry,
        timeout: options.timeoutMs,
    });
    const witness = {
        testify: async (content, publicKey) => {
            try {
                return await rekor.testify(content, publicKey);
            }
            catch (error) {
                throw new _endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .SigningFailure */ .GV('rekor', error);
            }
        },
    };
    const builder = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_2__/* .DSSEBundleBuilder */ .VV({ signer, witnesses: [witness] });
    return {
        async sign(statement) {
            const bundle = await builder.create({ data: statement, type: _pep740_js__WEBPACK_IMPORTED_MODULE_3__/* .IN_TOTO_PAYLOAD_TYPE */ .T4 });
            return (0,_pep740_js__WEBPACK_IMPORTED_MODULE_3__/* .bundleToPep740 */ .gQ)((0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_1__.bundleToJSON)(bundle));
        },
    };
}
/**
 * An ephemeral P-256 key certified by Fulcio on first use; later signatures reuse the certificate,
 * so one run makes one certificate (and asks the runner for one token) however many files it signs.
 */
class CertifiedKey {
    keys = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    certificate;
    tokenFailure;
    fulcio;
    constructor(options, retry) {
        const publicKey = this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
        const keyHolder = {
            sign: (data) => Promise.resolve({ signature: this.raw(data), key: { $case: 'publicKey', publicKey } }),
        };
        const identityProvider = {
            getToken: async () => {
                try {
                    return await options.identityToken();
                }
                catch (error) {
                    this.tokenFailure = error;
                    throw error;
                }
            },
        };
        this.fulcio = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_2__/* .FulcioSigner */ .$o({
            fulcioBaseURL: trimSlash(options.endpoints.fulcio),
            identityProvider,
            keyHolder,
            retry,
            timeout: options.timeoutMs,
        });
    }
    async sign(data) {
        this.certificate ??= this.certify(data);
        const certificate = await this.certificate;
        return { signature: this.raw(data), key: { $case: 'x509Certificate', certificate } };
    }
    async certify(data) {
        try {
            const signature = await this.fulcio.sign(data);
            if (signature.key.$case !== 'x509Certificate')
                throw new Error('Fulcio returned no certificate');
            return signature.key.certificate;
        }
        catch (error) {
            throw this.tokenFailure === undefined
                ? new _endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .SigningFailure */ .GV('fulcio', error)
                : new _endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .SigningFailure */ .GV('token', this.tokenFailure);
        }
    }
    raw(data) {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', data, this.keys.privateKey);
    }
}
function trimSlash(url) {
    return url.href.replace(/\/+$/, '');
}


/***/ })

};
