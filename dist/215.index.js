export const id = 215;
export const ids = [215];
export const modules = {

/***/ 5215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPublishSigner: () => (/* binding */ createPublishSigner)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(1040);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/bundler/dsse.js
var dsse = __webpack_require__(3997);
// EXTERNAL MODULE: ./src/index/oidc.ts + 1 modules
var oidc = __webpack_require__(6199);
// EXTERNAL MODULE: ./src/attest/pep740.ts + 1 modules
var pep740 = __webpack_require__(8242);
// EXTERNAL MODULE: ./src/attest/endpoints.ts
var endpoints = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/log-text.ts
var log_text = __webpack_require__(5331);
// EXTERNAL MODULE: ./src/index/http.ts + 1 modules
var http = __webpack_require__(8948);
// EXTERNAL MODULE: ./src/index/retry.ts
var retry = __webpack_require__(5434);
;// CONCATENATED MODULE: ./src/attest/sigstore-http.ts
// Fulcio and Rekor are called through the action's one HTTP door (index/http.ts), not sigstore-js's
// make-fetch-happen: that follows any redirect, a 307 over plain http included, and re-sends the
// body, which for Fulcio holds the runner's OIDC token. send() follows redirects within one origin
// only, and the same size and time limits apply as to the index.




/** `base` + `path`, keeping a path the base URL has (`https://host/prefix` + `/api/...`). */
function serviceUrl(base, path) {
    return new URL(`${base.href.replace(/\/+$/, '')}${path}`);
}
/**
 * POSTs JSON to a Sigstore service and returns its JSON answer; network errors, 408, 429 and 5xx
 * are tried again. Any other answer is an error with the service's own words; a redirect to
 * another origin is not followed.
 */
async function postJson(service, url, body, call) {
    return (0,retry/* withRetries */.LH)(`Calling ${service} (${url.origin})`, call.retry, call.log, async () => {
        let response;
        try {
            response = await (0,http/* send */.tN)(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body: JSON.stringify(body),
                idleTimeoutMs: call.timeoutMs,
            });
        }
        catch (error) {
            (0,retry/* retryOnTransport */.Tj)(error, (transport) => new errors/* PublishError */.S1(`${service} could not be reached: ${transport.message}`));
        }
        const { status } = response;
        if (status >= 200 && status < 300) {
            const answer = (0,http/* parseJson */.qF)(response.body);
            if (!answer || typeof answer !== 'object' || Array.isArray(answer))
                throw new errors/* PublishError */.S1(`${service} answered ${(0,http/* statusLine */.Bs)(status)} without a JSON object.`);
            return answer;
        }
        const location = response.headers.location;
        if (status >= 300 && status < 400 && typeof location === 'string') {
            throw new errors/* PublishError */.S1(`${service} at ${url.origin} answered ${(0,http/* statusLine */.Bs)(status)}, a redirect to ${(0,log_text/* outside */.qY)(location)}, which is not followed: only ${url.origin} is sent the request (for Fulcio, the runner's OIDC token).`);
        }
        const why = `${service} answered ${(0,http/* statusLine */.Bs)(status)}: ${(0,http/* serverMessage */.x_)(response)}`;
        if ((0,retry/* isRetryableStatus */.PS)(status))
            throw new retry/* RetryableFailure */.jn(why, new errors/* PublishError */.S1(why), (0,retry/* retryAfterMs */.Vs)(response.headers['retry-after']));
        throw new errors/* PublishError */.S1(why);
    });
}

;// CONCATENATED MODULE: ./src/attest/fulcio.ts
// Fulcio's POST /api/v2/signingCert (sigstore/fulcio's API v2): the runner's OIDC token and an
// ephemeral public key in, a short-lived certificate for that key and the token's identity out.


/** The signing certificate Fulcio issued (PEM), the leaf of the chain it answers with. */
async function requestSigningCertificate(fulcio, request, call) {
    const answer = await postJson('Fulcio', serviceUrl(fulcio, '/api/v2/signingCert'), {
        credentials: { oidcIdentityToken: request.identityToken },
        publicKeyRequest: {
            publicKey: { algorithm: 'ECDSA', content: request.publicKeyPem },
            proofOfPossession: request.proofOfPossession.toString('base64'),
        },
    }, call);
    // Production Fulcio embeds the SCT in the certificate; a private deployment may detach it.
    const signed = (answer.signedCertificateEmbeddedSct ?? answer.signedCertificateDetachedSct);
    const chain = signed?.chain?.certificates;
    const leaf = Array.isArray(chain) ? chain[0] : undefined;
    if (typeof leaf !== 'string' || !leaf.includes('-----BEGIN CERTIFICATE-----'))
        throw new errors/* PublishError */.S1('Fulcio answered without a certificate chain.');
    return leaf;
}

;// CONCATENATED MODULE: ./src/attest/rekor.ts



/** Records the envelope in Rekor; `certificatePem` is the signing certificate, which Rekor verifies the signature with. */
async function recordDsseEntry(rekor, envelope, certificatePem, call) {
    const answer = await postJson('Rekor', serviceUrl(rekor, '/api/v1/log/entries'), {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
            proposedContent: {
                envelope: JSON.stringify((0,dist.envelopeToJSON)(envelope)),
                verifiers: [Buffer.from(certificatePem, 'utf8').toString('base64')],
            },
        },
    }, call);
    return transparencyLogEntry(answer);
}
const invalid = (why) => new errors/* PublishError */.S1(`Rekor's answer is not a log entry: ${why}.`);
function integer(value, name) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
        throw invalid(`${name} is not a whole number`);
    return String(value);
}
function rekor_text(value, name, pattern) {
    if (typeof value !== 'string' || !pattern.test(value))
        throw invalid(`${name} is missing or malformed`);
    return value;
}
const HEX = /^(?:[0-9a-f]{2})+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/**
 * Rekor v1's answer, `{ <uuid>: { body, integratedTime, logID, logIndex, verification } }`, as the
 * bundle's TransparencyLogEntry: numbers as decimal strings, hex and base64 as bytes, and the kind
 * and version read from the canonicalized body Rekor stored.
 */
function transparencyLogEntry(answer) {
    const entries = Object.values(answer);
    if (entries.length !== 1)
        throw invalid(`it holds ${entries.length} entries, not one`);
    const entry = entries[0];
    if (!entry || typeof entry !== 'object')
        throw invalid('the entry is not an object');
    const body = Buffer.from(rekor_text(entry.body, 'body', BASE64), 'base64');
    let kind;
    let version;
    try {
        ({ kind, apiVersion: version } = JSON.parse(body.toString('utf8')));
    }
    catch {
        throw invalid('its body is not JSON');
    }
    if (typeof kind !== 'string' || typeof version !== 'string')
        throw invalid('its body has no kind and apiVersion');
    const verification = (entry.verification ?? {});
    const proof = verification.inclusionProof;
    const timestamp = verification.signedEntryTimestamp;
    if (!proof && timestamp === undefined)
        throw invalid('it has neither an inclusion proof nor a signed entry timestamp');
    let hashes = [];
    if (proof) {
        if (!Array.isArray(proof.hashes))
            throw invalid('inclusionProof.hashes is not an array');
        hashes = proof.hashes.map((hash) => Buffer.from(rekor_text(hash, 'inclusionProof.hashes', HEX), 'hex'));
    }
    return {
        logIndex: integer(entry.logIndex, 'logIndex'),
        logId: { keyId: Buffer.from(rekor_text(entry.logID, 'logID', HEX), 'hex') },
        kindVersion: { kind, version },
        integratedTime: integer(entry.integratedTime, 'integratedTime'),
        inclusionPromise: timestamp === undefined
            ? undefined
            : { signedEntryTimestamp: Buffer.from(rekor_text(timestamp, 'signedEntryTimestamp', BASE64), 'base64') },
        inclusionProof: proof
            ? {
                logIndex: integer(proof.logIndex, 'inclusionProof.logIndex'),
                rootHash: Buffer.from(rekor_text(proof.rootHash, 'inclusionProof.rootHash', HEX), 'hex'),
                treeSize: integer(proof.treeSize, 'inclusionProof.treeSize'),
                hashes,
                checkpoint: { envelope: rekor_text(proof.checkpoint, 'inclusionProof.checkpoint', /\S/) },
            }
            : undefined,
        canonicalizedBody: body,
    };
}

;// CONCATENATED MODULE: ./src/attest/sigstore.ts
// Loaded only when a run signs (import() in attest.ts). sigstore-js assembles the DSSE bundle; the
// calls to Fulcio and Rekor are the action's own (fulcio.ts, rekor.ts), through its HTTP door.


// Not the package's index, which loads its own HTTP clients (make-fetch-happen) into the bundle.






function createPublishSigner(options) {
    const signer = new CertifiedKey(options);
    const witness = {
        testify: async (content, certificatePem) => {
            try {
                if (content.$case !== 'dsseEnvelope')
                    throw new Error('only DSSE envelopes are recorded');
                return {
                    tlogEntries: [
                        await recordDsseEntry(options.endpoints.rekor, content.dsseEnvelope, certificatePem, options.call),
                    ],
                };
            }
            catch (error) {
                throw new endpoints/* SigningFailure */.GV('rekor', error);
            }
        },
    };
    const builder = new dsse/* DSSEBundleBuilder */.V({ signer, witnesses: [witness] });
    return {
        async sign(statement) {
            const bundle = await builder.create({ data: statement, type: pep740/* IN_TOTO_PAYLOAD_TYPE */.T4 });
            return (0,pep740/* bundleToPep740 */.gQ)((0,dist.bundleToJSON)(bundle));
        },
    };
}
/**
 * An ephemeral P-256 key certified by Fulcio on first use; later signatures reuse the certificate,
 * so one run makes one certificate (and asks the runner for one token) however many files it signs.
 */
class CertifiedKey {
    options;
    keys = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    certificate;
    constructor(options) {
        this.options = options;
    }
    async sign(data) {
        this.certificate ??= this.certify();
        const certificate = await this.certificate;
        return { signature: this.raw(data), key: { $case: 'x509Certificate', certificate } };
    }
    async certify() {
        let token;
        try {
            token = await this.options.identityToken();
        }
        catch (error) {
            throw new endpoints/* SigningFailure */.GV('token', error);
        }
        try {
            // Fulcio's proof of possession for a GitHub token: the key's signature over its `sub` claim.
            const subject = (0,oidc/* decodeClaims */.Yq)(token).sub;
            if (typeof subject !== 'string')
                throw new Error("the runner's OIDC token has no 'sub' claim");
            return await requestSigningCertificate(this.options.endpoints.fulcio, {
                identityToken: token,
                publicKeyPem: this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
                proofOfPossession: this.raw(Buffer.from(subject, 'utf8')),
            }, this.options.call);
        }
        catch (error) {
            throw new endpoints/* SigningFailure */.GV('fulcio', error);
        }
    }
    raw(data) {
        return (0,external_node_crypto_.sign)('sha256', data, this.keys.privateKey);
    }
}


/***/ })

};
