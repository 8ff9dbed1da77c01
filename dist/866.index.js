export const id = 866;
export const ids = [866];
export const modules = {

/***/ 34866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   certificateIdentity: () => (/* binding */ certificateIdentity),
/* harmony export */   describeIdentity: () => (/* binding */ describeIdentity)
/* harmony export */ });
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83917);
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_sigstore_core__WEBPACK_IMPORTED_MODULE_0__);
// Loaded only for 'verbose' (import() in attest.ts), like sigstore.ts.

/** Fulcio's extensions (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
const ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
const BUILD_CONFIG_URI = '1.3.6.1.4.1.57264.1.18';
function certificateIdentity(der) {
    const certificate = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.X509Certificate.parse(Buffer.from(der));
    const text = (oid) => {
        const extension = certificate.extension(oid);
        if (!extension)
            return undefined;
        try {
            return _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(extension.value)).value.toString('utf8');
        }
        catch {
            return undefined;
        }
    };
    return {
        subjectAlternativeName: certificate.extSubjectAltName?.uri ?? certificate.extSubjectAltName?.rfc822Name,
        issuer: text(ISSUER_V2),
        sourceRepositoryUri: text(SOURCE_REPOSITORY_URI),
        buildConfigUri: text(BUILD_CONFIG_URI),
        notAfter: certificate.notAfter,
    };
}
function describeIdentity(identity) {
    return [
        `SAN ${identity.subjectAlternativeName ?? '(none)'}`,
        `issuer ${identity.issuer ?? '(none)'}`,
        `Build Config URI ${identity.buildConfigUri ?? '(none)'}`,
        `Source Repository URI ${identity.sourceRepositoryUri ?? '(none)'}`,
        `valid until ${identity.notAfter.toISOString()}`,
    ].join(', ');
}


/***/ })

};
