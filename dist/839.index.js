export const id = 839;
export const ids = [839];
export const modules = {

/***/ 6427:
/***/ (function(__unused_webpack_module, exports) {

/*!
 * hash-wasm (https://www.npmjs.com/package/hash-wasm)
 * (c) Dani Biro
 * @license MIT
 */

!function(I,A){ true?A(exports):0}(this,function(I){"use strict";var A,i={name:"blake2b",data:"AGFzbQEAAAABEQRgAAF/YAJ/fwBgAX8AYAAAAwoJAAECAwECAgABBQQBAQICBg8CfwFBgIAEC38AQYCABAsHggEJBm1lbW9yeQIAD19fc3RhY2tfcG9pbnRlcgMADkhhc2hfR2V0QnVmZmVyAAAKSGFzaF9GaW5hbAADCUhhc2hfSW5pdAAFC0hhc2hfVXBkYXRlAAYNSGFzaF9HZXRTdGF0ZQAHDkhhc2hfQ2FsY3VsYXRlAAgKU1RBVEVfU0laRQMBCsU4CQYAQYCBBAvcAgIFfwF+AkAgAUEBSA0AAkAgAUGAAUEAKALgggUiAmsiA0wNAEEAQQA2AuCCBQJAIAJB/wBKDQAgAkHggQVqIQQgACEFQQAhBgNAIAQgBS0AADoAACAFQQFqIQUgBEEBaiEEIAMgBkEBaiIGQf8BcUoNAAsLQQBBACkDwIEFIgdCgAF8NwPAgQVBAEEAKQPIgQUgB0L/flatfDcDyIEFQeCBBRACIAAgA2ohAAJAIAEgA2siBEGBAU4NACAEIQEMAQsgAiABaiEEA0BBAEEAKQPAgQUiB0KAAXw3A8CBBUEAQQApA8iBBSAHQv9+Vq18NwPIgQUgABACIABBgAFqIQAgBEGAf2oiBEGAAksNAAsgBEGAf2ohAQtBACEEA0AgBEEAKALgggVqQeCBBWogACAEai0AADoAACABIARBAWoiBEH/AXFLDQALQQBBACgC4IIFIAFqNgLgggULC78uASR+QQBBACkD0IEFQQApA7CBBSIBQQApA5CBBXwgACkDICICfCIDhULr+obav7X2wR+FQiCJIgRCq/DT9K/uvLc8fCIFIAGFQiiJIgYgA3wgACkDKCIBfCIHIASFQjCJIgggBXwiCSAGhUIBiSIKQQApA8iBBUEAKQOogQUiBEEAKQOIgQV8IAApAxAiA3wiBYVCn9j52cKR2oKbf4VCIIkiC0K7zqqm2NDrs7t/fCIMIASFQiiJIg0gBXwgACkDGCIEfCIOfCAAKQNQIgV8Ig9BACkDwIEFQQApA6CBBSIQQQApA4CBBSIRfCAAKQMAIgZ8IhKFQtGFmu/6z5SH0QCFQiCJIhNCiJLznf/M+YTqAHwiFCAQhUIoiSIVIBJ8IAApAwgiEHwiFiAThUIwiSIXhUIgiSIYQQApA9iBBUEAKQO4gQUiE0EAKQOYgQV8IAApAzAiEnwiGYVC+cL4m5Gjs/DbAIVCIIkiGkLx7fT4paf9p6V/fCIbIBOFQiiJIhwgGXwgACkDOCITfCIZIBqFQjCJIhogG3wiG3wiHSAKhUIoiSIeIA98IAApA1giCnwiDyAYhUIwiSIYIB18Ih0gDiALhUIwiSIOIAx8Ih8gDYVCAYkiDCAWfCAAKQNAIgt8Ig0gGoVCIIkiFiAJfCIaIAyFQiiJIiAgDXwgACkDSCIJfCIhIBaFQjCJIhYgGyAchUIBiSIMIAd8IAApA2AiB3wiDSAOhUIgiSIOIBcgFHwiFHwiFyAMhUIoiSIbIA18IAApA2giDHwiHCAOhUIwiSIOIBd8IhcgG4VCAYkiGyAZIBQgFYVCAYkiFHwgACkDcCINfCIVIAiFQiCJIhkgH3wiHyAUhUIoiSIUIBV8IAApA3giCHwiFXwgDHwiIoVCIIkiI3wiJCAbhUIoiSIbICJ8IBJ8IiIgFyAYIBUgGYVCMIkiFSAffCIZIBSFQgGJIhQgIXwgDXwiH4VCIIkiGHwiFyAUhUIoiSIUIB98IAV8Ih8gGIVCMIkiGCAXfCIXIBSFQgGJIhR8IAF8IiEgFiAafCIWIBUgHSAehUIBiSIaIBx8IAl8IhyFQiCJIhV8Ih0gGoVCKIkiGiAcfCAIfCIcIBWFQjCJIhWFQiCJIh4gGSAOIBYgIIVCAYkiFiAPfCACfCIPhUIgiSIOfCIZIBaFQiiJIhYgD3wgC3wiDyAOhUIwiSIOIBl8Ihl8IiAgFIVCKIkiFCAhfCAEfCIhIB6FQjCJIh4gIHwiICAiICOFQjCJIiIgJHwiIyAbhUIBiSIbIBx8IAp8IhwgDoVCIIkiDiAXfCIXIBuFQiiJIhsgHHwgE3wiHCAOhUIwiSIOIBkgFoVCAYkiFiAffCAQfCIZICKFQiCJIh8gFSAdfCIVfCIdIBaFQiiJIhYgGXwgB3wiGSAfhUIwiSIfIB18Ih0gFoVCAYkiFiAVIBqFQgGJIhUgD3wgBnwiDyAYhUIgiSIYICN8IhogFYVCKIkiFSAPfCADfCIPfCAHfCIihUIgiSIjfCIkIBaFQiiJIhYgInwgBnwiIiAjhUIwiSIjICR8IiQgFoVCAYkiFiAOIBd8Ig4gDyAYhUIwiSIPICAgFIVCAYkiFCAZfCAKfCIXhUIgiSIYfCIZIBSFQiiJIhQgF3wgC3wiF3wgBXwiICAPIBp8Ig8gHyAOIBuFQgGJIg4gIXwgCHwiGoVCIIkiG3wiHyAOhUIoiSIOIBp8IAx8IhogG4VCMIkiG4VCIIkiISAdIB4gDyAVhUIBiSIPIBx8IAF8IhWFQiCJIhx8Ih0gD4VCKIkiDyAVfCADfCIVIByFQjCJIhwgHXwiHXwiHiAWhUIoiSIWICB8IA18IiAgIYVCMIkiISAefCIeIBogFyAYhUIwiSIXIBl8IhggFIVCAYkiFHwgCXwiGSAchUIgiSIaICR8IhwgFIVCKIkiFCAZfCACfCIZIBqFQjCJIhogHSAPhUIBiSIPICJ8IAR8Ih0gF4VCIIkiFyAbIB98Iht8Ih8gD4VCKIkiDyAdfCASfCIdIBeFQjCJIhcgH3wiHyAPhUIBiSIPIBsgDoVCAYkiDiAVfCATfCIVICOFQiCJIhsgGHwiGCAOhUIoiSIOIBV8IBB8IhV8IAx8IiKFQiCJIiN8IiQgD4VCKIkiDyAifCAHfCIiICOFQjCJIiMgJHwiJCAPhUIBiSIPIBogHHwiGiAVIBuFQjCJIhUgHiAWhUIBiSIWIB18IAR8IhuFQiCJIhx8Ih0gFoVCKIkiFiAbfCAQfCIbfCABfCIeIBUgGHwiFSAXIBogFIVCAYkiFCAgfCATfCIYhUIgiSIXfCIaIBSFQiiJIhQgGHwgCXwiGCAXhUIwiSIXhUIgiSIgIB8gISAVIA6FQgGJIg4gGXwgCnwiFYVCIIkiGXwiHyAOhUIoiSIOIBV8IA18IhUgGYVCMIkiGSAffCIffCIhIA+FQiiJIg8gHnwgBXwiHiAghUIwiSIgICF8IiEgGyAchUIwiSIbIB18IhwgFoVCAYkiFiAYfCADfCIYIBmFQiCJIhkgJHwiHSAWhUIoiSIWIBh8IBJ8IhggGYVCMIkiGSAfIA6FQgGJIg4gInwgAnwiHyAbhUIgiSIbIBcgGnwiF3wiGiAOhUIoiSIOIB98IAZ8Ih8gG4VCMIkiGyAafCIaIA6FQgGJIg4gFSAXIBSFQgGJIhR8IAh8IhUgI4VCIIkiFyAcfCIcIBSFQiiJIhQgFXwgC3wiFXwgBXwiIoVCIIkiI3wiJCAOhUIoiSIOICJ8IAh8IiIgGiAgIBUgF4VCMIkiFSAcfCIXIBSFQgGJIhQgGHwgCXwiGIVCIIkiHHwiGiAUhUIoiSIUIBh8IAZ8IhggHIVCMIkiHCAafCIaIBSFQgGJIhR8IAR8IiAgGSAdfCIZIBUgISAPhUIBiSIPIB98IAN8Ih2FQiCJIhV8Ih8gD4VCKIkiDyAdfCACfCIdIBWFQjCJIhWFQiCJIiEgFyAbIBkgFoVCAYkiFiAefCABfCIZhUIgiSIbfCIXIBaFQiiJIhYgGXwgE3wiGSAbhUIwiSIbIBd8Ihd8Ih4gFIVCKIkiFCAgfCAMfCIgICGFQjCJIiEgHnwiHiAiICOFQjCJIiIgJHwiIyAOhUIBiSIOIB18IBJ8Ih0gG4VCIIkiGyAafCIaIA6FQiiJIg4gHXwgC3wiHSAbhUIwiSIbIBcgFoVCAYkiFiAYfCANfCIXICKFQiCJIhggFSAffCIVfCIfIBaFQiiJIhYgF3wgEHwiFyAYhUIwiSIYIB98Ih8gFoVCAYkiFiAVIA+FQgGJIg8gGXwgCnwiFSAchUIgiSIZICN8IhwgD4VCKIkiDyAVfCAHfCIVfCASfCIihUIgiSIjfCIkIBaFQiiJIhYgInwgBXwiIiAjhUIwiSIjICR8IiQgFoVCAYkiFiAbIBp8IhogFSAZhUIwiSIVIB4gFIVCAYkiFCAXfCADfCIXhUIgiSIZfCIbIBSFQiiJIhQgF3wgB3wiF3wgAnwiHiAVIBx8IhUgGCAaIA6FQgGJIg4gIHwgC3wiGoVCIIkiGHwiHCAOhUIoiSIOIBp8IAR8IhogGIVCMIkiGIVCIIkiICAfICEgFSAPhUIBiSIPIB18IAZ8IhWFQiCJIh18Ih8gD4VCKIkiDyAVfCAKfCIVIB2FQjCJIh0gH3wiH3wiISAWhUIoiSIWIB58IAx8Ih4gIIVCMIkiICAhfCIhIBogFyAZhUIwiSIXIBt8IhkgFIVCAYkiFHwgEHwiGiAdhUIgiSIbICR8Ih0gFIVCKIkiFCAafCAJfCIaIBuFQjCJIhsgHyAPhUIBiSIPICJ8IBN8Ih8gF4VCIIkiFyAYIBx8Ihh8IhwgD4VCKIkiDyAffCABfCIfIBeFQjCJIhcgHHwiHCAPhUIBiSIPIBggDoVCAYkiDiAVfCAIfCIVICOFQiCJIhggGXwiGSAOhUIoiSIOIBV8IA18IhV8IA18IiKFQiCJIiN8IiQgD4VCKIkiDyAifCAMfCIiICOFQjCJIiMgJHwiJCAPhUIBiSIPIBsgHXwiGyAVIBiFQjCJIhUgISAWhUIBiSIWIB98IBB8IhiFQiCJIh18Ih8gFoVCKIkiFiAYfCAIfCIYfCASfCIhIBUgGXwiFSAXIBsgFIVCAYkiFCAefCAHfCIZhUIgiSIXfCIbIBSFQiiJIhQgGXwgAXwiGSAXhUIwiSIXhUIgiSIeIBwgICAVIA6FQgGJIg4gGnwgAnwiFYVCIIkiGnwiHCAOhUIoiSIOIBV8IAV8IhUgGoVCMIkiGiAcfCIcfCIgIA+FQiiJIg8gIXwgBHwiISAehUIwiSIeICB8IiAgGCAdhUIwiSIYIB98Ih0gFoVCAYkiFiAZfCAGfCIZIBqFQiCJIhogJHwiHyAWhUIoiSIWIBl8IBN8IhkgGoVCMIkiGiAcIA6FQgGJIg4gInwgCXwiHCAYhUIgiSIYIBcgG3wiF3wiGyAOhUIoiSIOIBx8IAN8IhwgGIVCMIkiGCAbfCIbIA6FQgGJIg4gFSAXIBSFQgGJIhR8IAt8IhUgI4VCIIkiFyAdfCIdIBSFQiiJIhQgFXwgCnwiFXwgBHwiIoVCIIkiI3wiJCAOhUIoiSIOICJ8IAl8IiIgGyAeIBUgF4VCMIkiFSAdfCIXIBSFQgGJIhQgGXwgDHwiGYVCIIkiHXwiGyAUhUIoiSIUIBl8IAp8IhkgHYVCMIkiHSAbfCIbIBSFQgGJIhR8IAN8Ih4gGiAffCIaIBUgICAPhUIBiSIPIBx8IAd8IhyFQiCJIhV8Ih8gD4VCKIkiDyAcfCAQfCIcIBWFQjCJIhWFQiCJIiAgFyAYIBogFoVCAYkiFiAhfCATfCIahUIgiSIYfCIXIBaFQiiJIhYgGnwgDXwiGiAYhUIwiSIYIBd8Ihd8IiEgFIVCKIkiFCAefCAFfCIeICCFQjCJIiAgIXwiISAiICOFQjCJIiIgJHwiIyAOhUIBiSIOIBx8IAt8IhwgGIVCIIkiGCAbfCIbIA6FQiiJIg4gHHwgEnwiHCAYhUIwiSIYIBcgFoVCAYkiFiAZfCABfCIXICKFQiCJIhkgFSAffCIVfCIfIBaFQiiJIhYgF3wgBnwiFyAZhUIwiSIZIB98Ih8gFoVCAYkiFiAVIA+FQgGJIg8gGnwgCHwiFSAdhUIgiSIaICN8Ih0gD4VCKIkiDyAVfCACfCIVfCANfCIihUIgiSIjfCIkIBaFQiiJIhYgInwgCXwiIiAjhUIwiSIjICR8IiQgFoVCAYkiFiAYIBt8IhggFSAahUIwiSIVICEgFIVCAYkiFCAXfCASfCIXhUIgiSIafCIbIBSFQiiJIhQgF3wgCHwiF3wgB3wiISAVIB18IhUgGSAYIA6FQgGJIg4gHnwgBnwiGIVCIIkiGXwiHSAOhUIoiSIOIBh8IAt8IhggGYVCMIkiGYVCIIkiHiAfICAgFSAPhUIBiSIPIBx8IAp8IhWFQiCJIhx8Ih8gD4VCKIkiDyAVfCAEfCIVIByFQjCJIhwgH3wiH3wiICAWhUIoiSIWICF8IAN8IiEgHoVCMIkiHiAgfCIgIBggFyAahUIwiSIXIBt8IhogFIVCAYkiFHwgBXwiGCAchUIgiSIbICR8IhwgFIVCKIkiFCAYfCABfCIYIBuFQjCJIhsgHyAPhUIBiSIPICJ8IAx8Ih8gF4VCIIkiFyAZIB18Ihl8Ih0gD4VCKIkiDyAffCATfCIfIBeFQjCJIhcgHXwiHSAPhUIBiSIPIBkgDoVCAYkiDiAVfCAQfCIVICOFQiCJIhkgGnwiGiAOhUIoiSIOIBV8IAJ8IhV8IBN8IiKFQiCJIiN8IiQgD4VCKIkiDyAifCASfCIiICOFQjCJIiMgJHwiJCAPhUIBiSIPIBsgHHwiGyAVIBmFQjCJIhUgICAWhUIBiSIWIB98IAt8IhmFQiCJIhx8Ih8gFoVCKIkiFiAZfCACfCIZfCAJfCIgIBUgGnwiFSAXIBsgFIVCAYkiFCAhfCAFfCIahUIgiSIXfCIbIBSFQiiJIhQgGnwgA3wiGiAXhUIwiSIXhUIgiSIhIB0gHiAVIA6FQgGJIg4gGHwgEHwiFYVCIIkiGHwiHSAOhUIoiSIOIBV8IAF8IhUgGIVCMIkiGCAdfCIdfCIeIA+FQiiJIg8gIHwgDXwiICAhhUIwiSIhIB58Ih4gGSAchUIwiSIZIB98IhwgFoVCAYkiFiAafCAIfCIaIBiFQiCJIhggJHwiHyAWhUIoiSIWIBp8IAp8IhogGIVCMIkiGCAdIA6FQgGJIg4gInwgBHwiHSAZhUIgiSIZIBcgG3wiF3wiGyAOhUIoiSIOIB18IAd8Ih0gGYVCMIkiGSAbfCIbIA6FQgGJIg4gFSAXIBSFQgGJIhR8IAx8IhUgI4VCIIkiFyAcfCIcIBSFQiiJIhQgFXwgBnwiFXwgEnwiIoVCIIkiI3wiJCAOhUIoiSIOICJ8IBN8IiIgGyAhIBUgF4VCMIkiFSAcfCIXIBSFQgGJIhQgGnwgBnwiGoVCIIkiHHwiGyAUhUIoiSIUIBp8IBB8IhogHIVCMIkiHCAbfCIbIBSFQgGJIhR8IA18IiEgGCAffCIYIBUgHiAPhUIBiSIPIB18IAJ8Ih2FQiCJIhV8Ih4gD4VCKIkiDyAdfCABfCIdIBWFQjCJIhWFQiCJIh8gFyAZIBggFoVCAYkiFiAgfCADfCIYhUIgiSIZfCIXIBaFQiiJIhYgGHwgBHwiGCAZhUIwiSIZIBd8Ihd8IiAgFIVCKIkiFCAhfCAIfCIhIB+FQjCJIh8gIHwiICAiICOFQjCJIiIgJHwiIyAOhUIBiSIOIB18IAd8Ih0gGYVCIIkiGSAbfCIbIA6FQiiJIg4gHXwgDHwiHSAZhUIwiSIZIBcgFoVCAYkiFiAafCALfCIXICKFQiCJIhogFSAefCIVfCIeIBaFQiiJIhYgF3wgCXwiFyAahUIwiSIaIB58Ih4gFoVCAYkiFiAVIA+FQgGJIg8gGHwgBXwiFSAchUIgiSIYICN8IhwgD4VCKIkiDyAVfCAKfCIVfCACfCIChUIgiSIifCIjIBaFQiiJIhYgAnwgC3wiAiAihUIwiSILICN8IiIgFoVCAYkiFiAZIBt8IhkgFSAYhUIwiSIVICAgFIVCAYkiFCAXfCANfCINhUIgiSIXfCIYIBSFQiiJIhQgDXwgBXwiBXwgEHwiECAVIBx8Ig0gGiAZIA6FQgGJIg4gIXwgDHwiDIVCIIkiFXwiGSAOhUIoiSIOIAx8IBJ8IhIgFYVCMIkiDIVCIIkiFSAeIB8gDSAPhUIBiSINIB18IAl8IgmFQiCJIg98IhogDYVCKIkiDSAJfCAIfCIJIA+FQjCJIgggGnwiD3wiGiAWhUIoiSIWIBB8IAd8IhAgEYUgDCAZfCIHIA6FQgGJIgwgCXwgCnwiCiALhUIgiSILIAUgF4VCMIkiBSAYfCIJfCIOIAyFQiiJIgwgCnwgE3wiEyALhUIwiSIKIA58IguFNwOAgQVBACADIAYgDyANhUIBiSINIAJ8fCICIAWFQiCJIgUgB3wiBiANhUIoiSIHIAJ8fCICQQApA4iBBYUgBCABIBIgCSAUhUIBiSIDfHwiASAIhUIgiSISICJ8IgkgA4VCKIkiAyABfHwiASAShUIwiSIEIAl8IhKFNwOIgQVBACATQQApA5CBBYUgECAVhUIwiSIQIBp8IhOFNwOQgQVBACABQQApA5iBBYUgAiAFhUIwiSICIAZ8IgGFNwOYgQVBACASIAOFQgGJQQApA6CBBYUgAoU3A6CBBUEAIBMgFoVCAYlBACkDqIEFhSAKhTcDqIEFQQAgASAHhUIBiUEAKQOwgQWFIASFNwOwgQVBACALIAyFQgGJQQApA7iBBYUgEIU3A7iBBQveAgUBfwF+AX8BfgJ/IwBBwABrIgAkAAJAQQApA9CBBUIAUg0AQQBBACkDwIEFIgFBACgC4IIFIgKsfCIDNwPAgQVBAEEAKQPIgQUgAyABVK18NwPIgQUCQEEALQDoggVFDQBBAEJ/NwPYgQULQQBCfzcD0IEFAkAgAkH/AEoNAEEAIQQDQCACIARqQeCBBWpBADoAACAEQQFqIgRBgAFBACgC4IIFIgJrSA0ACwtB4IEFEAIgAEEAKQOAgQU3AwAgAEEAKQOIgQU3AwggAEEAKQOQgQU3AxAgAEEAKQOYgQU3AxggAEEAKQOggQU3AyAgAEEAKQOogQU3AyggAEEAKQOwgQU3AzAgAEEAKQO4gQU3AzhBACgC5IIFIgVBAUgNAEEAIQJBACEEA0AgBEGAgQRqIAAgBGotAAA6AAAgBEEBaiEEIAUgAkEBaiICQf8BcUsNAAsLIABBwABqJAAL+gMCAn8BfiMAQYABayICJABBAEGBAjsB8oIFQQAgAToA8YIFQQAgADoA8IIFQZB+IQADQCAAQYCDBWpCADcAACAAQfiCBWpCADcAACAAQfCCBWpCADcAACAAQRhqIgANAAtBACEDQQBBACkD8IIFIgRCiJLznf/M+YTqAIU3A4CBBUEAQQApA/iCBUK7zqqm2NDrs7t/hTcDiIEFQQBBACkDgIMFQqvw0/Sv7ry3PIU3A5CBBUEAQQApA4iDBULx7fT4paf9p6V/hTcDmIEFQQBBACkDkIMFQtGFmu/6z5SH0QCFNwOggQVBAEEAKQOYgwVCn9j52cKR2oKbf4U3A6iBBUEAQQApA6CDBULr+obav7X2wR+FNwOwgQVBAEEAKQOogwVC+cL4m5Gjs/DbAIU3A7iBBUEAIASnQf8BcTYC5IIFAkAgAUUNACACQgA3A3ggAkIANwNwIAJCADcDaCACQgA3A2AgAkIANwNYIAJCADcDUCACQgA3A0ggAkIANwNAIAJCADcDOCACQgA3AzAgAkIANwMoIAJCADcDICACQgA3AxggAkIANwMQIAJCADcDCCACQgA3AwBBACEAA0AgAiAAaiAAQYCBBGotAAA6AAAgAEEBaiEAIAEgA0EBaiIDQf8BcUsNAAsgAkGAARABCyACQYABaiQACxIAIABBA3ZB/z9xIABBEHYQBAsKAEGAgQQgABABCwYAQYCBBQscACABQQN2Qf8/cSABQRB2EARBgIEEIAAQARADCwsMAQBBgIAECwTwAAAA",hash:"22cf500a"};function C(I,A,i,C){return new(i||(i=Promise))(function(g,h){function B(I){try{f(C.next(I))}catch(I){h(I)}}function e(I){try{f(C.throw(I))}catch(I){h(I)}}function f(I){var A;I.done?g(I.value):(A=I.value,A instanceof i?A:new i(function(I){I(A)})).then(B,e)}f((C=C.apply(I,A||[])).next())})}"function"==typeof SuppressedError&&SuppressedError;class g{constructor(){this.mutex=Promise.resolve()}lock(){let I=()=>{};return this.mutex=this.mutex.then(()=>new Promise(I)),new Promise(A=>{I=A})}dispatch(I){return C(this,void 0,void 0,function*(){const A=yield this.lock();try{return yield Promise.resolve(I())}finally{A()}})}}const h="undefined"!=typeof globalThis?globalThis:"undefined"!=typeof self?self:"undefined"!=typeof window?window:global,B=null!==(A=h.Buffer)&&void 0!==A?A:null,e=h.TextEncoder?new h.TextEncoder:null;function f(I,A){return(15&I)+(I>>6|I>>3&8)<<4|(15&A)+(A>>6|A>>3&8)}const t="a".charCodeAt(0)-10,w="0".charCodeAt(0);function F(I,A,i){let C=0;for(let g=0;g<i;g++){let i=A[g]>>>4;I[C++]=i>9?i+t:i+w,i=15&A[g],I[C++]=i>9?i+t:i+w}return String.fromCharCode.apply(null,I)}const Q=null!==B?I=>{if("string"==typeof I){const A=B.from(I,"utf8");return new Uint8Array(A.buffer,A.byteOffset,A.length)}if(B.isBuffer(I))return new Uint8Array(I.buffer,I.byteOffset,I.length);if(ArrayBuffer.isView(I))return new Uint8Array(I.buffer,I.byteOffset,I.byteLength);throw new Error("Invalid data type!")}:I=>{if("string"==typeof I)return e.encode(I);if(ArrayBuffer.isView(I))return new Uint8Array(I.buffer,I.byteOffset,I.byteLength);throw new Error("Invalid data type!")},n="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",o=new Uint8Array(256);for(let I=0;I<64;I++)o[n.charCodeAt(I)]=I;function r(I){const A=function(I){let A=Math.floor(.75*I.length);const i=I.length;return"="===I[i-1]&&(A-=1,"="===I[i-2]&&(A-=1)),A}(I),i=I.length,C=new Uint8Array(A);let g=0;for(let A=0;A<i;A+=4){const i=o[I.charCodeAt(A)],h=o[I.charCodeAt(A+1)],B=o[I.charCodeAt(A+2)],e=o[I.charCodeAt(A+3)];C[g]=i<<2|h>>4,g+=1,C[g]=(15&h)<<4|B>>2,g+=1,C[g]=(3&B)<<6|63&e,g+=1}return C}const S=16384,U=new g,a=new Map;function s(I,A){return C(this,void 0,void 0,function*(){let i=null,g=null,h=!1;if("undefined"==typeof WebAssembly)throw new Error("WebAssembly is not supported in this environment!");const B=()=>new DataView(i.exports.memory.buffer).getUint32(i.exports.STATE_SIZE,!0),e=U.dispatch(()=>C(this,void 0,void 0,function*(){if(!a.has(I.name)){const A=r(I.data),i=WebAssembly.compile(A.buffer);a.set(I.name,i)}const A=yield a.get(I.name);i=yield WebAssembly.instantiate(A,{})})),t=(I=null)=>{h=!0,i.exports.Hash_Init(I)},w=I=>{if(!h)throw new Error("update() called before init()");(I=>{let A=0;for(;A<I.length;){const C=I.subarray(A,A+S);A+=C.length,g.set(C),i.exports.Hash_Update(C.length)}})(Q(I))},n=new Uint8Array(2*A),o=(I,C=null)=>{if(!h)throw new Error("digest() called before init()");return h=!1,i.exports.Hash_Final(C),"binary"===I?g.slice(0,A):F(n,g,A)},s=I=>"string"==typeof I?I.length<4096:I.byteLength<S;let V=s;switch(I.name){case"argon2":case"scrypt":V=()=>!0;break;case"blake2b":case"blake2s":V=(I,A)=>A<=512&&s(I);break;case"blake3":V=(I,A)=>0===A&&s(I);break;case"xxhash64":case"xxhash3":case"xxhash128":case"crc64":V=()=>!1}return yield(()=>C(this,void 0,void 0,function*(){i||(yield e);const I=i.exports.Hash_GetBuffer(),A=i.exports.memory.buffer;g=new Uint8Array(A,I,S)}))(),{getMemory:()=>g,writeMemory:(I,A=0)=>{g.set(I,A)},getExports:()=>i.exports,setMemorySize:I=>{i.exports.Hash_SetMemorySize(I);const A=i.exports.Hash_GetBuffer(),C=i.exports.memory.buffer;g=new Uint8Array(C,A,I)},init:t,update:w,digest:o,save:()=>{if(!h)throw new Error("save() can only be called after init() and before digest()");const A=i.exports.Hash_GetState(),C=B(),g=i.exports.memory.buffer,e=new Uint8Array(g,A,C),t=new Uint8Array(4+C);return function(I,A){const i=A.length>>1;for(let C=0;C<i;C++){const i=C<<1;I[C]=f(A.charCodeAt(i),A.charCodeAt(i+1))}}(t,I.hash),t.set(e,4),t},load:A=>{if(!(A instanceof Uint8Array))throw new Error("load() expects an Uint8Array generated by save()");const C=i.exports.Hash_GetState(),g=B(),e=4+g,t=i.exports.memory.buffer;if(A.length!==e)throw new Error(`Bad state length (expected ${e} bytes, got ${A.length})`);if(!function(I,A){if(I.length!==2*A.length)return!1;for(let i=0;i<A.length;i++){const C=i<<1;if(A[i]!==f(I.charCodeAt(C),I.charCodeAt(C+1)))return!1}return!0}(I.hash,A.subarray(0,4)))throw new Error("This state was written by an incompatible hash implementation");const w=A.subarray(4);new Uint8Array(t,C,g).set(w),h=!0},calculate:(I,C=null,h=null)=>{if(!V(I,C))return t(C),w(I),o("hex",h);const B=Q(I);return g.set(B),i.exports.Hash_Calculate(B.length,C,h),F(n,g,A)},hashLength:A}})}const V=new g;let J=null;function c(I){return!Number.isInteger(I)||I<8||I>512||I%8!=0?new Error("Invalid variant! Valid values: 8, 16, ..., 512"):null}function k(I,A){return I|A<<16}I.blake2b=function(I,A=512,g=null){if(c(A))return Promise.reject(c(A));let h=null,B=A;if(null!==g){if(h=Q(g),h.length>64)return Promise.reject(new Error("Max key length is 64 bytes"));B=k(A,h.length)}const e=A/8;if(null===J||J.hashLength!==e)return function(I,A,i){return C(this,void 0,void 0,function*(){const C=yield I.lock(),g=yield s(A,i);return C(),g})}(V,i,e).then(A=>(J=A,B>512&&J.writeMemory(h),J.calculate(I,B)));try{B>512&&J.writeMemory(h);const A=J.calculate(I,B);return Promise.resolve(A)}catch(I){return Promise.reject(I)}},I.createBLAKE2b=function(I=512,A=null){if(c(I))return Promise.reject(c(I));let C=null,g=I;if(null!==A){if(C=Q(A),C.length>64)return Promise.reject(new Error("Max key length is 64 bytes"));g=k(I,C.length)}const h=I/8;return s(i,h).then(I=>{g>512&&I.writeMemory(C),I.init(g);const A={init:g>512?()=>(I.writeMemory(C),I.init(g),A):()=>(I.init(g),A),update:i=>(I.update(i),A),digest:A=>I.digest(A),save:()=>I.save(),load:i=>(I.load(i),A),blockSize:128,digestSize:h};return A})}});


/***/ }),

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ sigstoreEndpoints),
/* harmony export */   GV: () => (/* binding */ SigningFailure),
/* harmony export */   V$: () => (/* binding */ describeCause)
/* harmony export */ });
/* unused harmony exports PUBLIC_SIGSTORE, FULCIO_URL_VARIABLE, REKOR_URL_VARIABLE */
/* harmony import */ var _common_urls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8299);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1922);


/** Sigstore's public instance: the only one PyPI verifies attestations against. */
const PUBLIC_SIGSTORE = { fulcio: 'https://fulcio.sigstore.dev', rekor: 'https://rekor.sigstore.dev' };
const FULCIO_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_FULCIO_URL';
const REKOR_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_REKOR_URL';
/** The Fulcio and Rekor to use: the public instance unless both variables name another (https, or http to this machine). */
function sigstoreEndpoints(env) {
    const fulcio = env[FULCIO_URL_VARIABLE]?.trim();
    const rekor = env[REKOR_URL_VARIABLE]?.trim();
    if (!fulcio && !rekor)
        return {
            endpoints: { fulcio: new URL(PUBLIC_SIGSTORE.fulcio), rekor: new URL(PUBLIC_SIGSTORE.rekor) },
            custom: false,
        };
    if (!fulcio || !rekor) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`Only one of ${FULCIO_URL_VARIABLE} and ${REKOR_URL_VARIABLE} is set; a private Sigstore deployment needs both.`, {
            hint: "Set both (or neither, for Sigstore's public instance, the only one PyPI accepts).",
        });
    }
    return {
        endpoints: { fulcio: endpointUrl(FULCIO_URL_VARIABLE, fulcio), rekor: endpointUrl(REKOR_URL_VARIABLE, rekor) },
        custom: true,
    };
}
function endpointUrl(variable, raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`${variable} is '${raw}', which is not a URL.`, {
            hint: 'Give the base URL of the service, for example https://fulcio.example.',
        });
    }
    // The OIDC token goes to Fulcio: the same rule as for index credentials.
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') ||
        !(0,_common_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialsAllowed */ .H2)(url) ||
        url.username ||
        url.password) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`${variable} is ${url.href}: only https:// URLs (or http:// to this machine) without a user name or password are used.`, { hint: `Use https://${url.host}${url.pathname}.` });
    }
    return url;
}
/** A signing failure and the step it happened in: the runner's OIDC token, Fulcio or Rekor. */
class SigningFailure extends Error {
    step;
    constructor(step, cause) {
        super(`${step}: ${describeCause(cause)}`, { cause });
        this.step = step;
        this.name = 'SigningFailure';
    }
}
/**
 * The innermost useful message of sigstore-js's errors (InternalError wrapping an HTTPError), with
 * anything shaped like a JWT blanked: sigstore-js puts the identity token into some messages.
 */
function describeCause(error) {
    const messages = [];
    for (let current = error; current instanceof Error && messages.length < 4; current = current.cause) {
        if (current instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1)
            return current.message;
        messages.push(current.message);
    }
    return (messages.at(-1) ?? String(error)).replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, '***');
}


/***/ }),

/***/ 6191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   TR: () => (/* binding */ PYPI_PREDICATE_TYPES),
/* harmony export */   cF: () => (/* binding */ predicateLabel),
/* harmony export */   gQ: () => (/* binding */ bundleToPep740),
/* harmony export */   hF: () => (/* binding */ PUBLISH_PREDICATE_TYPE),
/* harmony export */   i7: () => (/* binding */ parsePep740),
/* harmony export */   zj: () => (/* binding */ publishStatement)
/* harmony export */ });
/* unused harmony exports SLSA_PROVENANCE_PREDICATE_TYPE, IN_TOTO_STATEMENT_TYPE */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);

const PUBLISH_PREDICATE_TYPE = 'https://docs.pypi.org/attestations/publish/v1';
const SLSA_PROVENANCE_PREDICATE_TYPE = 'https://slsa.dev/provenance/v1';
/** The predicate types PyPI accepts, at most one attestation of each per file. */
const PYPI_PREDICATE_TYPES = [PUBLISH_PREDICATE_TYPE, SLSA_PROVENANCE_PREDICATE_TYPE];
const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** The in-toto Statement v1 PyPI's publish attestation signs: one subject, a null predicate. */
function publishStatement(filename, sha256) {
    const statement = {
        _type: IN_TOTO_STATEMENT_TYPE,
        subject: [{ name: filename, digest: { sha256 } }],
        predicateType: PUBLISH_PREDICATE_TYPE,
        predicate: null,
    };
    return Buffer.from(JSON.stringify(statement), 'utf8');
}
/** certificate = the leaf's DER, entry = the first Rekor entry, statement and signature from the DSSE envelope. */
function bundleToPep740(bundle) {
    const certificate = bundle.verificationMaterial?.certificate?.rawBytes;
    const entry = bundle.verificationMaterial?.tlogEntries?.[0];
    const statement = bundle.dsseEnvelope?.payload;
    const signature = bundle.dsseEnvelope?.signatures?.[0]?.sig;
    if (!certificate || !entry || !statement || !signature || bundle.dsseEnvelope?.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new Error('the Sigstore bundle lacks a certificate, a transparency log entry or a DSSE in-toto envelope');
    }
    return {
        version: 1,
        verification_material: { certificate, transparency_entries: [entry] },
        envelope: { statement, signature },
    };
}
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/**
 * Checks an attestation read from a file (another tool's, or hostile) for PEP 740's shape and
 * returns what its statement covers; `source` names the file in messages.
 */
function parsePep740(text, source) {
    const invalid = (why) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`${source} is not a PEP 740 attestation: ${why}.`, {
        file: source,
        hint: 'Remove the file from packages-dir, or regenerate it with the tool that made it (a PEP 740 attestation is a JSON object with version 1, verification_material and envelope).',
    });
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw invalid('it is not JSON');
    }
    const object = value;
    if (!object || typeof object !== 'object' || Array.isArray(object))
        throw invalid('it is not a JSON object');
    if (object.version !== 1)
        throw invalid(`"version" is ${JSON.stringify(object.version)}, not 1`);
    const material = object.verification_material;
    if (!material ||
        typeof material.certificate !== 'string' ||
        !material.certificate ||
        !BASE64.test(material.certificate))
        throw invalid('"verification_material.certificate" is not base64 text');
    if (!Array.isArray(material.transparency_entries) || material.transparency_entries.length === 0)
        throw invalid('"verification_material.transparency_entries" is not a non-empty array');
    const envelope = object.envelope;
    if (!envelope ||
        typeof envelope.statement !== 'string' ||
        !BASE64.test(envelope.statement) ||
        typeof envelope.signature !== 'string' ||
        !envelope.signature ||
        !BASE64.test(envelope.signature)) {
        throw invalid('"envelope" lacks a base64 "statement" and "signature"');
    }
    let statement;
    try {
        statement = JSON.parse(Buffer.from(envelope.statement, 'base64').toString('utf8'));
    }
    catch {
        throw invalid('its statement is not JSON');
    }
    if (statement._type !== IN_TOTO_STATEMENT_TYPE)
        throw invalid(`its statement's _type is ${JSON.stringify(statement._type)}, not ${IN_TOTO_STATEMENT_TYPE}`);
    const subjects = Array.isArray(statement.subject)
        ? statement.subject
        : [];
    if (subjects.length !== 1)
        throw invalid(`its statement has ${subjects.length} subjects; PyPI takes exactly one, the file`);
    const [subject] = subjects;
    const sha256 = subject.digest?.sha256;
    if (typeof subject.name !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(sha256))
        throw invalid('its subject lacks a name or a hex sha256 digest');
    if (typeof statement.predicateType !== 'string')
        throw invalid('its statement has no predicateType');
    return {
        attestation: object,
        subject: { name: subject.name, sha256: sha256.toLowerCase(), predicateType: statement.predicateType },
    };
}
/** A short label for the job summary and logs. */
function predicateLabel(predicateType) {
    if (predicateType === PUBLISH_PREDICATE_TYPE)
        return 'publish';
    if (predicateType === SLSA_PROVENANCE_PREDICATE_TYPE)
        return 'SLSA provenance';
    return predicateType;
}


/***/ }),

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

/***/ 5839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: DEFAULT_TUNING

// EXTERNAL MODULE: ./src/common/log-text.ts
var log_text = __webpack_require__(5331);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(1922);
;// CONCATENATED MODULE: ./src/dists/pep440.ts
// The version grammar of PEP 440, appendix B, in the form packaging uses.
const VERSION_PATTERN = new RegExp('^\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?' +
    '(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?' +
    '(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?)' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$', 'i');
const PRE_RELEASE_SPELLINGS = {
    alpha: 'a',
    a: 'a',
    beta: 'b',
    b: 'b',
    c: 'rc',
    pre: 'rc',
    preview: 'rc',
    rc: 'rc',
};
/** The canonical spelling of a PEP 440 version (as `str(packaging.version.Version(v))`), or undefined. */
function normalizeVersion(version) {
    const match = VERSION_PATTERN.exec(version);
    if (!match?.groups)
        return undefined;
    const g = match.groups;
    const int = (digits) => String(BigInt(digits ?? '0'));
    let result = '';
    if (g.epoch && BigInt(g.epoch) !== 0n)
        result += `${int(g.epoch)}!`;
    result += g.release.split('.').map(int).join('.');
    if (g.pre)
        result += `${PRE_RELEASE_SPELLINGS[g.preL.toLowerCase()]}${int(g.preN)}`;
    if (g.post)
        result += `.post${int(g.postN1 ?? g.postN2)}`;
    if (g.dev)
        result += `.dev${int(g.devN)}`;
    if (g.local)
        result += `+${g.local
            .toLowerCase()
            .split(/[-_.]/)
            .map((part) => (/^\d+$/.test(part) ? int(part) : part))
            .join('.')}`;
    return result;
}
/** PEP 440 equality (`Version('1.0') == Version('1.0.0')`): trailing zeros of the release do not count. */
function sameVersion(a, b) {
    const stripZeros = (version) => version.replace(/^((?:\d+!)?\d+(?:\.\d+)*?)(?:\.0+)*(?=$|[^.\d])/, '$1');
    const left = normalizeVersion(a);
    const right = normalizeVersion(b);
    return left !== undefined && right !== undefined && stripZeros(left) === stripZeros(right);
}
/** PEP 503 normalization of a project name. */
function normalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** PEP 508's rule for a valid project name. */
function isValidName(name) {
    return /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i.test(name);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/dists/dists.ts





/** Files PyPI refuses outright, with the reason to tell the user. */
const REFUSED_FORMATS = [
    [
        '.zip',
        'PyPI accepts sdists only as .tar.gz (PEP 625); a .zip sdist is refused. Build the sdist with `python -m build --sdist`, which writes .tar.gz.',
    ],
    ['.tar.bz2', 'PyPI accepts sdists only as .tar.gz (PEP 625). Build the sdist with `python -m build --sdist`.'],
    ['.tar.xz', 'PyPI accepts sdists only as .tar.gz (PEP 625). Build the sdist with `python -m build --sdist`.'],
    [
        '.tgz',
        'PyPI accepts sdists only with the .tar.gz suffix (PEP 625). Build the sdist with `python -m build --sdist`.',
    ],
    ['.egg', 'PyPI no longer accepts eggs (since August 2023). Build a wheel instead: `python -m build --wheel`.'],
    ['.exe', 'PyPI no longer accepts bdist_wininst installers. Build a wheel instead: `python -m build --wheel`.'],
    ['.msi', 'PyPI no longer accepts bdist_msi installers. Build a wheel instead: `python -m build --wheel`.'],
    ['.rpm', 'PyPI does not accept bdist_rpm packages. Build a wheel instead: `python -m build --wheel`.'],
    ['.dmg', 'PyPI does not accept bdist_dmg packages. Build a wheel instead: `python -m build --wheel`.'],
];
function parseDistFilename(filename) {
    if (filename.endsWith('.whl'))
        return parseWheelFilename(filename);
    if (filename.endsWith('.tar.gz'))
        return parseSdistFilename(filename);
    throw new common_errors/* PublishError */.S1(`${filename} is not a wheel (.whl) or an sdist (.tar.gz).`, { file: filename });
}
function parseWheelFilename(filename) {
    const parts = filename.slice(0, -'.whl'.length).split('-');
    const invalid = (why) => new common_errors/* PublishError */.S1(`${filename} is not a valid wheel filename: ${why}.`, {
        file: filename,
        hint: 'A wheel is named {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl (PEP 427); keep the name your build tool gave it.',
    });
    if (parts.length !== 5 && parts.length !== 6)
        throw invalid(`it has ${parts.length} dash-separated parts instead of 5 or 6`);
    const [name, version, ...tags] = parts;
    const [python, , platform] = tags.slice(-3);
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/.test(name))
        throw invalid(`the name part '${name}' has characters other than letters, digits, '.' and '_'`);
    if (!normalizeVersion(version))
        throw invalid(`'${version}' is not a PEP 440 version`);
    // PEP 427 / PEP 503, enforced by Warehouse: the name part is the normalized name with '_' for '-'.
    if (name !== normalizedFilenamePart(name)) {
        const fixed = [normalizedFilenamePart(name), ...parts.slice(1)].join('-');
        throw new common_errors/* PublishError */.S1(`${filename} does not have a normalized project name: PyPI requires '${normalizedFilenamePart(name)}', not '${name}' (${fixed}.whl).`, {
            file: filename,
            hint: 'Rebuild the wheel with a current build backend and wheel tool (for example `python -m build --wheel` with setuptools >= 75.8 or hatchling >= 1.22), which name it correctly.',
        });
    }
    if (parts.length === 6 && !/^\d/.test(parts[2]))
        throw invalid(`the build tag '${parts[2]}' must start with a digit`);
    if (tags.some((tag) => !tag))
        throw invalid('a tag is empty');
    // Tags reach logs and the upload form; PEP 425 tags are letters, digits, '_' and '.'.
    const oddTag = tags.find((tag) => !/^[A-Za-z0-9_.]+$/.test(tag));
    if (oddTag !== undefined)
        throw invalid(`the tag '${(0,log_text/* outside */.q)(oddTag)}' has characters other than letters, digits, '_' and '.'`);
    // PyPI stores the wheel's METADATA as `<filename>.metadata`, a name that must fit in 255 bytes.
    const bytes = Buffer.byteLength(filename) + '.metadata'.length;
    if (bytes > 255) {
        throw new common_errors/* PublishError */.S1(`${filename} is too long: PyPI refuses it ("Filename is too long"), since ${filename}.metadata would be ${bytes} bytes, over the 255 a file name may have.`, {
            file: filename,
            hint: 'Shorten the platform part: compress tag sets (for example with `wheel tags`) or build separate wheels per platform, so that the filename is at most 246 bytes.',
        });
    }
    return { filename, kind: 'wheel', name, version, pyversion: python, platform };
}
function parseSdistFilename(filename) {
    const stem = filename.slice(0, -'.tar.gz'.length);
    const dash = stem.lastIndexOf('-');
    const name = stem.slice(0, dash);
    const version = stem.slice(dash + 1);
    if (dash <= 0 || !normalizeVersion(version)) {
        throw new common_errors/* PublishError */.S1(`${filename} is not a valid sdist filename: it must be {name}-{version}.tar.gz.`, {
            file: filename,
            hint: 'Keep the name your build tool gave it; `python -m build --sdist` writes a valid one.',
        });
    }
    if (!isValidName(name)) {
        throw new common_errors/* PublishError */.S1(`${filename} is not a valid sdist filename: '${(0,log_text/* outside */.q)(name)}' is not a valid project name (PEP 508: letters, digits, '.', '_' and '-', starting and ending with a letter or digit).`, {
            file: filename,
            hint: 'Keep the name your build tool gave it; `python -m build --sdist` writes a valid one.',
        });
    }
    const expected = `${normalizedFilenamePart(name)}-${normalizeVersion(version)}.tar.gz`;
    if (filename !== expected) {
        throw new common_errors/* PublishError */.S1(`${filename} does not have a normalized name: PyPI requires ${expected} (PEP 625).`, {
            file: filename,
            hint: 'Rebuild the sdist with a current build backend (setuptools >= 69.3, hatchling >= 1.22, flit-core >= 3.10), which names it correctly.',
        });
    }
    return { filename, kind: 'sdist', name, version, pyversion: 'source' };
}
/** PEP 625 and PEP 427: the name in a dist's filename is the normalized name with `_` for `-`. */
function normalizedFilenamePart(name) {
    return normalizeName(name).replace(/-/g, '_');
}
/** Every wheel and sdist directly in `dir`, wheels first; refused formats and bad names are errors. */
async function discoverDists(dir) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            throw new common_errors/* PublishError */.S1(`The packages directory '${dir}' does not exist.`, {
                hint: "Build your distributions into it first (for example `python -m build`, which writes to dist/), or set 'packages-dir' to where they are. If they were built in another job, download the artifact into it.",
            });
        }
        if (code === 'ENOTDIR') {
            throw new common_errors/* PublishError */.S1(`The packages directory '${dir}' is a file, not a directory.`, {
                hint: "Set 'packages-dir' to the directory that holds your .whl and .tar.gz files.",
            });
        }
        throw new common_errors/* PublishError */.S1(`The packages directory '${dir}' could not be read: ${error.message}`, {
            cause: error,
        });
    }
    const dists = [];
    const ignored = [];
    const problems = [];
    for (const entry of entries) {
        const filename = entry.name;
        const path = (0,external_node_path_.join)(dir, filename);
        const refused = REFUSED_FORMATS.find(([suffix]) => filename.toLowerCase().endsWith(suffix));
        const looksLikeDist = filename.endsWith('.whl') || filename.endsWith('.tar.gz');
        if (refused && !looksLikeDist) {
            problems.push(new common_errors/* PublishError */.S1(`${filename} cannot be uploaded: ${refused[1]}`, {
                file: filename,
                hint: `Remove ${path}, or build the format PyPI accepts.`,
            }));
            continue;
        }
        if (!looksLikeDist) {
            ignored.push(filename);
            continue;
        }
        const info = await (0,promises_.stat)(path);
        if (!info.isFile()) {
            ignored.push(filename);
            continue;
        }
        try {
            dists.push({ ...parseDistFilename(filename), path, size: info.size });
        }
        catch (error) {
            if (!(error instanceof common_errors/* PublishError */.S1))
                throw error;
            problems.push(error);
        }
    }
    if (problems.length > 0)
        throw (0,common_errors/* combineErrors */.Lt)(problems);
    if (dists.length === 0) {
        const seen = ignored.length ? ` It holds only ${ignored.map((f) => `'${f}'`).join(', ')}.` : ' It is empty.';
        throw new common_errors/* PublishError */.S1(`No distributions (.whl or .tar.gz) were found in '${dir}'.${seen}`, {
            hint: "Build them before this step (for example `python -m build`), or point 'packages-dir' at the directory they were written to.",
        });
    }
    // Code-unit order: localeCompare would load ICU's collator at start-up for names that are ASCII anyway.
    dists.sort((a, b) => a.kind !== b.kind ? (a.kind === 'wheel' ? -1 : 1) : a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0);
    return { dists, ignored: ignored.sort() };
}

;// CONCATENATED MODULE: ./src/dists/metadata.ts




/** Parses the RFC 822 form of core metadata, unfolding continuation lines the way Python's email parser does. */
function parseCoreMetadata(text) {
    const headers = [];
    // Line by line up to the blank line, never splitting the body: a crafted file of millions of
    // lines or headers must not cost memory in proportion.
    for (let start = 0, index = 0; start < text.length; index++) {
        const newline = text.indexOf('\n', start);
        const end = newline < 0 ? text.length : newline;
        const line = text.slice(start, newline > start && text[end - 1] === '\r' ? end - 1 : end);
        start = end + 1;
        if (line === '')
            break;
        if (/^[ \t]/.test(line) && headers.length > 0) {
            headers[headers.length - 1][1] += `\n${line}`;
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0) {
            throw new MetadataError(`line ${index + 1} is neither a 'Name: value' header nor a continuation: '${line.slice(0, 80)}'`);
        }
        if (headers.length >= MAX_HEADERS) {
            throw new MetadataError(`it has more than ${MAX_HEADERS} header fields, far more than any project needs`);
        }
        headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).replace(/^[ \t]+/, '')]);
    }
    // The body is everything after the first blank line, byte for byte (line endings included).
    const bodyStart = findBodyStart(text);
    return { headers, body: bodyStart < 0 ? '' : text.slice(bodyStart) };
}
function findBodyStart(text) {
    const match = /^\r?\n|\r?\n\r?\n/.exec(text);
    return match ? match.index + match[0].length : -1;
}
const MAX_HEADERS = 10_000;
class MetadataError extends Error {
    name = 'MetadataError';
}
function getField(metadata, name) {
    const lower = name.toLowerCase();
    return metadata.headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}
function getFields(metadata, name) {
    const lower = name.toLowerCase();
    return metadata.headers.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
}
/** Metadata-Versions PyPI accepts; 2.0 was never a real version and is refused. */
const ACCEPTED_METADATA_VERSIONS = ['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5'];
/** The Metadata-Version that introduced each field (core metadata specifications, PEPs 314, 345, 566, 643, 639, 794). */
const FIELD_INTRODUCED = {
    'supported-platform': '1.1',
    classifier: '1.1',
    'download-url': '1.1',
    requires: '1.1',
    provides: '1.1',
    obsoletes: '1.1',
    maintainer: '1.2',
    'maintainer-email': '1.2',
    'requires-dist': '1.2',
    'provides-dist': '1.2',
    'obsoletes-dist': '1.2',
    'requires-python': '1.2',
    'requires-external': '1.2',
    'project-url': '1.2',
    'description-content-type': '2.1',
    'provides-extra': '2.1',
    dynamic: '2.2',
    'license-expression': '2.4',
    'license-file': '2.4',
    'import-name': '2.5',
    'import-namespace': '2.5',
};
function compareVersions(a, b) {
    const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
    const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
    return aMajor - bMajor || aMinor - bMinor;
}
/**
 * The checks every upload needs, whatever verify-metadata says: the fields PyPI requires, a
 * Metadata-Version it accepts, no field newer than that version, and a filename that agrees.
 */
function checkMetadata(metadata, source) {
    const { dist, member } = source;
    const where = `${dist.filename} (${member})`;
    const problems = [];
    const problem = (message, hint) => {
        problems.push(new common_errors/* PublishError */.S1(`${where}: ${message}`, { file: dist.filename, hint }));
    };
    const rebuild = 'Rebuild the distribution with a current build backend (for example `python -m build`).';
    const metadataVersion = getField(metadata, 'Metadata-Version');
    const name = getField(metadata, 'Name');
    const version = getField(metadata, 'Version');
    if (!metadataVersion)
        problem('the Metadata-Version field is missing.', rebuild);
    if (!name)
        problem('the Name field is missing.', `Set the project name in pyproject.toml ([project] name) and rebuild.`);
    if (!version)
        problem('the Version field is missing.', `Set the version in pyproject.toml ([project] version) and rebuild.`);
    if (metadataVersion && !ACCEPTED_METADATA_VERSIONS.includes(metadataVersion)) {
        problem(`Metadata-Version ${metadataVersion} is not one PyPI accepts (${ACCEPTED_METADATA_VERSIONS.join(', ')}).`, metadataVersion === '2.0'
            ? 'Metadata-Version 2.0 was never standardised; upgrade your build backend (setuptools, hatchling, flit-core, poetry-core) and rebuild.'
            : 'Upgrade or configure your build backend to write one of those versions, and rebuild.');
    }
    else if (metadataVersion) {
        const seen = new Set();
        for (const [header] of metadata.headers) {
            const lower = header.toLowerCase();
            const introduced = FIELD_INTRODUCED[lower];
            if (seen.has(lower) || !introduced || compareVersions(introduced, metadataVersion) <= 0)
                continue;
            // setuptools wrote License-File under 2.1/2.2; twine drops it there and so do we (see formFields).
            if (lower === 'license-file')
                continue;
            seen.add(lower);
            problem(`the field ${header} was introduced in Metadata-Version ${introduced}, but the file declares ${metadataVersion}; PyPI refuses it.`, `Upgrade your build backend so that it declares Metadata-Version ${introduced} or later, or remove ${header} from the project's metadata; then rebuild.`);
        }
    }
    if (name && !isValidName(name)) {
        problem(`Name '${(0,log_text/* outside */.q)(name)}' is not a valid project name (PEP 508: letters, digits, '.', '_' and '-', starting and ending with a letter or digit).`, 'Set a valid name in pyproject.toml ([project] name) and rebuild.');
    }
    else if (name) {
        const fileName = dist.kind === 'sdist' ? dist.name : normalizeName(dist.name);
        const expected = dist.kind === 'sdist' ? normalizedFilenamePart(name) : normalizeName(name);
        if (fileName !== expected) {
            problem(`the filename says the project is '${dist.name}' but the metadata says '${name}'.`, `Rename nothing by hand: rebuild the distribution from the project's source so that both agree.`);
        }
    }
    if (version) {
        const normalized = normalizeVersion(version);
        if (!normalized) {
            problem(`Version '${version}' is not a valid PEP 440 version.`, 'Use a version such as 1.2.3, 1.2.3rc1 or 1.2.3.post1, then rebuild.');
        }
        else if (dist.kind === 'wheel' ? !sameVersion(dist.version, version) : dist.version !== normalized) {
            problem(`the filename says version ${dist.version} but the metadata says ${version}.`, 'Rebuild the distribution so that both agree; a file renamed by hand is refused by PyPI.');
        }
    }
    return problems;
}
/** Header → upload form field, for fields sent once. */
const SINGLE_FIELDS = {
    'metadata-version': 'metadata_version',
    name: 'name',
    version: 'version',
    summary: 'summary',
    'description-content-type': 'description_content_type',
    'home-page': 'home_page',
    'download-url': 'download_url',
    author: 'author',
    'author-email': 'author_email',
    maintainer: 'maintainer',
    'maintainer-email': 'maintainer_email',
    license: 'license',
    'license-expression': 'license_expression',
    'requires-python': 'requires_python',
};
/** Header → upload form field, for fields that repeat as one part each. */
const MULTIPLE_FIELDS = {
    platform: 'platform',
    'supported-platform': 'supported_platform',
    classifier: 'classifiers',
    requires: 'requires',
    provides: 'provides',
    obsoletes: 'obsoletes',
    'requires-dist': 'requires_dist',
    'provides-dist': 'provides_dist',
    'obsoletes-dist': 'obsoletes_dist',
    'requires-external': 'requires_external',
    'project-url': 'project_urls',
    'provides-extra': 'provides_extra',
    dynamic: 'dynamic',
    'license-file': 'license_file',
    // Metadata 2.5 (PEP 794); Warehouse's parse_form_metadata reads these names (twine 7 sends neither).
    'import-name': 'import_name',
    'import-namespace': 'import_namespace',
};
/** The metadata part of the upload form, as twine sends it (what Warehouse's parse_form_metadata reads). */
function metadataFormFields(metadata) {
    const fields = [];
    const metadataVersion = getField(metadata, 'Metadata-Version') ?? '0';
    const sent = new Set();
    for (const [header, value] of metadata.headers) {
        const lower = header.toLowerCase();
        const single = SINGLE_FIELDS[lower];
        if (single) {
            if (sent.has(single))
                continue;
            sent.add(single);
            // Twine's "safe name"; Warehouse normalizes it again.
            fields.push([single, lower === 'name' ? value.replace(/[^A-Za-z0-9.]+/g, '-') : value]);
        }
        else if (lower === 'keywords') {
            if (sent.has('keywords'))
                continue;
            sent.add('keywords');
            fields.push([
                'keywords',
                value
                    .split(',')
                    .map((k) => k.trim())
                    .join(', '),
            ]);
        }
        else if (lower === 'project-url') {
            const comma = value.indexOf(',');
            const label = comma < 0 ? value : value.slice(0, comma);
            const url = comma < 0 ? '' : value.slice(comma + 1);
            fields.push(['project_urls', `${label.trim()}, ${url.trim()}`]);
        }
        else if (lower === 'license-file' && compareVersions(metadataVersion, '2.4') < 0) {
            continue;
        }
        else if (MULTIPLE_FIELDS[lower]) {
            fields.push([MULTIPLE_FIELDS[lower], value]);
        }
    }
    const description = descriptionOf(metadata).text;
    if (description !== undefined)
        fields.push(['description', description]);
    return fields;
}
/**
 * The description as PyPI should render it: the message body, else the Description header.
 * Old setuptools wrote the header with every line after the first indented by 8 spaces; like
 * setuptools' own reader (rfc822_unescape) and pkginfo, the first line loses its leading
 * whitespace and the others their common indentation. twine 7 sends the indentation along, and
 * PyPI then fails to render the README.
 */
function descriptionOf(metadata) {
    if (metadata.body !== '')
        return { text: metadata.body, unindented: false };
    const header = getField(metadata, 'Description');
    if (header === undefined)
        return { text: undefined, unindented: false };
    const [first = '', ...rest] = header.split(/\r?\n/);
    if (rest.length === 0)
        return { text: first.trimStart(), unindented: false };
    const text = `${first.trimStart()}\n${dedent(rest)}`;
    return { text, unindented: text !== header };
}
/** Python's textwrap.dedent: whitespace-only lines become empty; the common leading whitespace of the rest goes. */
function dedent(lines) {
    const cleaned = lines.map((line) => (/^[ \t]+$/.test(line) ? '' : line));
    let margin;
    for (const line of cleaned) {
        if (line === '')
            continue;
        const indent = /^[ \t]*/.exec(line)[0];
        if (margin === undefined)
            margin = indent;
        else {
            let common = 0;
            while (common < margin.length && common < indent.length && margin[common] === indent[common])
                common++;
            margin = margin.slice(0, common);
        }
    }
    return cleaned.map((line) => (margin && line.startsWith(margin) ? line.slice(margin.length) : line)).join('\n');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/dists/tar.ts


class TarFormatError extends Error {
    name = 'TarFormatError';
}
/**
 * Member paths, kept as a few long strings rather than one string per member, so that an sdist
 * of a million tiny files costs megabytes, not hundreds of them.
 */
class MemberNames {
    chunks = [];
    current = [];
    chars = 0;
    count = 0;
    add(name) {
        this.chars += name.length + 1;
        if (this.chars > MAX_NAME_CHARS)
            throw new TarFormatError(`its member names add up to more than ${MAX_NAME_CHARS} characters`);
        this.current.push(name);
        this.count++;
        if (this.current.length >= 4096)
            this.flush();
    }
    has(name) {
        if (name.includes('\n'))
            return false;
        this.flush();
        return this.chunks.some((chunk) => chunk.includes(`\n${name}\n`));
    }
    flush() {
        if (this.current.length)
            this.chunks.push(`\n${this.current.join('\n')}\n`);
        this.current = [];
    }
}
const BLOCK = 512;
const MAX_TOP_LEVEL = 6;
const MAX_NAME_CHARS = 32 * 1024 * 1024;
const MAX_PKG_INFO = 16 * 1024 * 1024;
const MAX_EXTENDED_HEADER = 1024 * 1024;
/**
 * Streams a .tar.gz once, block by block, noting the top-level names and keeping only the
 * PKG-INFO files; memory stays small whatever the archive's size.
 * Understands ustar prefixes, pax extended headers (`path`) and GNU long names.
 */
async function listSdist(path) {
    const listing = { topLevel: new Set(), names: new MemberNames(), pkgInfo: new Map() };
    let pending = Buffer.alloc(0);
    let state = { kind: 'header' };
    let longName;
    let paxPath;
    let paxSize;
    let globalPaxPath;
    let ended = false;
    const handleHeader = (header) => {
        if (header.every((byte) => byte === 0)) {
            ended = true;
            return;
        }
        verifyChecksum(header);
        const type = String.fromCharCode(header[156] ?? 0);
        if (type === 'S')
            throw sparse();
        const isExtension = type === 'L' || type === 'x' || type === 'g' || type === 'K';
        // A pax `size` replaces the header's, as in Python's tarfile (pip's and PyPI's reader).
        const size = isExtension
            ? parseNumber(header.subarray(124, 136))
            : (paxSize ?? parseNumber(header.subarray(124, 136)));
        if (!Number.isSafeInteger(size))
            throw new TarFormatError(`a member claims ${size} bytes`);
        const padding = (BLOCK - (size % BLOCK)) % BLOCK;
        const collect = (onDone) => {
            if (size > MAX_EXTENDED_HEADER)
                throw new TarFormatError(`an extended header of ${size} bytes is too large`);
            state = { kind: 'data', remaining: size, padding, capture: [], onDone };
        };
        if (type === 'L') {
            collect((data) => (longName = cString(data)));
            return;
        }
        if (type === 'x') {
            collect((data) => {
                const records = parsePax(data);
                if ([...records.keys()].some((key) => key.startsWith('GNU.sparse.')))
                    throw sparse();
                paxPath = records.get('path') ?? paxPath;
                const paxSizeText = records.get('size');
                if (paxSizeText !== undefined && !/^\d{1,15}$/.test(paxSizeText))
                    throw new TarFormatError(`a pax header holds size '${paxSizeText.slice(0, 40)}'`);
                if (paxSizeText !== undefined)
                    paxSize = Number(paxSizeText);
            });
            return;
        }
        if (type === 'g') {
            collect((data) => (globalPaxPath = parsePax(data).get('path') ?? globalPaxPath));
            return;
        }
        if (type === 'K') {
            collect(() => undefined);
            return;
        }
        const magic = header.toString('latin1', 257, 262);
        const prefix = magic === 'ustar' ? cString(header.subarray(345, 500)) : '';
        const shortName = cString(header.subarray(0, 100));
        const name = paxPath ?? longName ?? globalPaxPath ?? (prefix ? `${prefix}/${shortName}` : shortName);
        longName = undefined;
        paxPath = undefined;
        paxSize = undefined;
        const segments = name
            .replace(/^(\.\/)+/, '')
            .split('/')
            .filter((s) => s !== '' && s !== '.');
        if (segments.length > 0) {
            if (listing.topLevel.size < MAX_TOP_LEVEL)
                listing.topLevel.add(segments[0]);
            listing.names.add(segments.join('/'));
        }
        const isFile = type === '0' || type === '\0' || type === '7';
        if (isFile && segments.length === 2 && segments[1] === 'PKG-INFO') {
            if (size > MAX_PKG_INFO)
                throw new TarFormatError(`${name} is ${size} bytes, too large for a PKG-INFO`);
            const top = segments[0];
            // Tools differ on which of two same-named members counts; this one holds the metadata.
            if (listing.pkgInfo.has(top))
                throw new TarFormatError(`tar archive not accepted: ${top}/PKG-INFO appears twice`);
            state = { kind: 'data', remaining: size, padding, capture: [], onDone: (data) => listing.pkgInfo.set(top, data) };
            return;
        }
        state = { kind: 'data', remaining: size, padding };
    };
    const stream = (0,external_node_fs_.createReadStream)(path).pipe((0,external_node_zlib_.createGunzip)());
    try {
        for await (const chunk of stream) {
            pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
            let at = 0;
            // handleHeader sets `ended`, which TypeScript's narrowing cannot see either.
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
            while (!ended) {
                // handleHeader changes `state`, which TypeScript's narrowing cannot see.
                const current = state;
                if (current.kind === 'header') {
                    if (pending.length - at < BLOCK)
                        break;
                    handleHeader(pending.subarray(at, at + BLOCK));
                    at += BLOCK;
                    continue;
                }
                const dataState = current;
                if (dataState.remaining > 0) {
                    const take = Math.min(dataState.remaining, pending.length - at);
                    if (take === 0)
                        break;
                    dataState.capture?.push(Buffer.from(pending.subarray(at, at + take)));
                    dataState.remaining -= take;
                    at += take;
                    if (dataState.remaining > 0)
                        break;
                }
                const skip = Math.min(dataState.padding, pending.length - at);
                dataState.padding -= skip;
                at += skip;
                if (dataState.padding > 0)
                    break;
                if (dataState.capture && dataState.onDone)
                    dataState.onDone(Buffer.concat(dataState.capture));
                state = { kind: 'header' };
            }
            pending = pending.subarray(at);
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
            if (ended)
                break;
        }
    }
    catch (error) {
        if (error instanceof TarFormatError)
            throw error;
        throw new TarFormatError(`it is not a valid gzip-compressed tar archive (${error.message})`);
    }
    finally {
        stream.destroy();
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (!ended && state.kind === 'data')
        throw new TarFormatError('the archive ends in the middle of a member (truncated file?)');
    return listing;
}
function sparse() {
    return new TarFormatError('tar archive not accepted: Sparse members are not allowed. See https://docs.pypi.org/archives for more information');
}
function cString(bytes) {
    const end = bytes.indexOf(0);
    return bytes.toString('utf8', 0, end < 0 ? bytes.length : end);
}
function parseNumber(field) {
    // GNU base-256 for sizes of 8 GiB and more: high bit set, big-endian binary.
    if ((field[0] & 0x80) !== 0) {
        let value = 0n;
        for (let i = 1; i < field.length; i++)
            value = (value << 8n) | BigInt(field[i]);
        return Number(value);
    }
    const text = cString(field).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new TarFormatError(`a header holds '${text}' where an octal number belongs`);
    return parseInt(text, 8);
}
function verifyChecksum(header) {
    const stored = parseNumber(header.subarray(148, 156));
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : header[i];
    if (sum !== stored)
        throw new TarFormatError('a member header has a bad checksum: the archive is corrupt');
}
/** Pax records: "<length> <key>=<value>\n", where length counts the whole record in bytes. */
function parsePax(data) {
    const records = new Map();
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        if (space < 0)
            break;
        const length = parseInt(data.toString('latin1', at, space), 10);
        if (!(length > 0))
            break;
        const record = data.toString('utf8', space + 1, at + length - 1);
        const equals = record.indexOf('=');
        if (equals > 0)
            records.set(record.slice(0, equals), record.slice(equals + 1));
        at += length;
    }
    return records;
}

;// CONCATENATED MODULE: ./src/dists/zip-framing.ts
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const NO_DUPLICATE_EXTRAS = new Set([0x0001, 0x7075]);
// Small: past a large member only its next header is needed, not the data after it.
const WINDOW = 64 * 1024;
class FramingError extends Error {
}
/** Reads small records at arbitrary positions through one cached window. */
class Window {
    handle;
    size;
    start = 0;
    buffer = Buffer.alloc(0);
    constructor(handle, size) {
        this.handle = handle;
        this.size = size;
    }
    async bytes(position, length) {
        if (!Number.isSafeInteger(position) || position < 0 || length < 0 || position + length > this.size)
            throw new FramingError('Malformed zip file');
        if (position < this.start || position + length > this.start + this.buffer.length) {
            this.start = position;
            this.buffer = Buffer.alloc(Math.min(Math.max(length, WINDOW), this.size - position));
            const { bytesRead } = await this.handle.read(this.buffer, 0, this.buffer.length, position);
            if (bytesRead !== this.buffer.length)
                throw new FramingError('Malformed zip file');
        }
        return this.buffer.subarray(position - this.start, position - this.start + length);
    }
}
const unprintable = (name) => name.some((byte) => byte < 0x20 || byte === 0x7f);
function utf8(name) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(name);
    }
    catch {
        return undefined;
    }
}
/**
 * Walks the archive from its first byte to its last the way PyPI does since 2025 (Warehouse's
 * zip record-framing check): local headers, then the central directory, then the end records,
 * nothing else and nothing after. Returns PyPI's reason for refusing it, or undefined.
 * `central` maps each member name (decoded) to its central-directory sizes.
 */
async function zipFramingProblem(handle, size, central) {
    try {
        await walk(new Window(handle, size), central);
        return undefined;
    }
    catch (error) {
        if (error instanceof FramingError)
            return error.message;
        throw error;
    }
}
async function walk(window, central) {
    const localNames = new Set();
    const centralNames = new Set();
    let position = 0;
    let directoryStart;
    let directoryRecords = 0;
    let directorySize = 0;
    let zip64;
    let locatorSeen = false;
    for (;;) {
        const signature = (await window.bytes(position, 4)).readUInt32LE(0);
        if (signature === EOCD && zip64 && !locatorSeen)
            throw new FramingError('Malformed zip file');
        if (signature === LOCAL) {
            const { name, next } = await localHeader(window, position, central);
            if (localNames.has(name))
                throw new FramingError('Duplicate filename in local headers');
            localNames.add(name);
            position = next;
        }
        else if (signature === CENTRAL) {
            directoryStart ??= position;
            directoryRecords++;
            const head = await window.bytes(position, 46);
            const nameLength = head.readUInt16LE(28);
            const extraLength = head.readUInt16LE(30);
            if (head.readUInt16LE(32) !== 0)
                throw new FramingError('Comment in central directory');
            const rawName = await window.bytes(position + 46, nameLength);
            if (unprintable(rawName))
                throw new FramingError('Invalid character in filename');
            const name = memberName(rawName, head.readUInt16LE(8));
            if (centralNames.has(name))
                throw new FramingError('Duplicate filename in central directory');
            if (!localNames.has(name))
                throw new FramingError('Missing filename in local headers');
            centralNames.add(name);
            directorySize += 46 + nameLength + extraLength;
            position += 46 + nameLength + extraLength;
        }
        else if (signature === EOCD) {
            directoryStart ??= position;
            const record = await window.bytes(position, 22);
            if (record.readUInt16LE(8) !== record.readUInt16LE(10))
                throw new FramingError('Malformed zip file');
            const declared = zip64 ?? {
                records: record.readUInt16LE(10),
                size: record.readUInt32LE(12),
                offset: record.readUInt32LE(16),
            };
            if (declared.records !== directoryRecords)
                throw new FramingError('Mismatched central directory records');
            if (declared.offset !== directoryStart)
                throw new FramingError('Mismatched central directory offset');
            if (declared.size !== directorySize)
                throw new FramingError('Mismatched central directory size');
            const end = position + 22 + record.readUInt16LE(20);
            if (end > window.size)
                throw new FramingError('Malformed zip file');
            if (end !== window.size)
                throw new FramingError('Trailing data');
            if (localNames.size !== centralNames.size)
                throw new FramingError('Mis-matched local headers and central directory');
            return;
        }
        else if (signature === EOCD64) {
            const record = await window.bytes(position, 56);
            if (record.readBigUInt64LE(4) !== 44n)
                throw new FramingError('ZIP64 extensible data not allowed');
            if (record.readBigUInt64LE(24) !== record.readBigUInt64LE(32))
                throw new FramingError('Malformed zip file');
            zip64 = {
                records: safe(record.readBigUInt64LE(32)),
                size: safe(record.readBigUInt64LE(40)),
                offset: safe(record.readBigUInt64LE(48)),
            };
            position += 56;
        }
        else if (signature === EOCD64_LOCATOR) {
            await window.bytes(position, 20);
            locatorSeen = true;
            position += 20;
        }
        else {
            throw new FramingError('Unknown record signature');
        }
    }
}
function safe(value) {
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new FramingError('Malformed zip file');
    return Number(value);
}
/** Python's zipfile (and so pip and PyPI) decodes a name as UTF-8 only with flag bit 11, else as cp437. */
function memberName(raw, flags) {
    const text = utf8(raw);
    if (text === undefined)
        throw new FramingError('Filename not valid UTF-8');
    if ((flags & 0x0800) === 0 && raw.some((byte) => byte >= 0x80))
        throw new FramingError('Filename not unicode (a non-ASCII name without the UTF-8 flag)');
    return text;
}
async function localHeader(window, position, central) {
    const head = await window.bytes(position, 30);
    const flags = head.readUInt16LE(6);
    const method = head.readUInt16LE(8);
    let compressedSize = head.readUInt32LE(18);
    let uncompressedSize = head.readUInt32LE(22);
    const nameLength = head.readUInt16LE(26);
    const extraLength = head.readUInt16LE(28);
    const rawName = await window.bytes(position + 30, nameLength);
    if (unprintable(rawName))
        throw new FramingError('Invalid character in filename');
    const extra = await window.bytes(position + 30 + nameLength, extraLength);
    const seen = new Set();
    for (let at = 0; at < extra.length;) {
        if (extra.length - at < 4)
            throw new FramingError('Malformed zip file');
        const id = extra.readUInt16LE(at);
        const length = extra.readUInt16LE(at + 2);
        if (at + 4 + length > extra.length)
            throw new FramingError('Malformed zip file');
        if (seen.has(id) && NO_DUPLICATE_EXTRAS.has(id))
            throw new FramingError('Invalid duplicate extra in local file');
        seen.add(id);
        const data = extra.subarray(at + 4, at + 4 + length);
        if (id === 0x0001) {
            if (![0, 8, 16, 24, 28].includes(length))
                throw new FramingError('Malformed zip file');
            if (length === 0 && (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff))
                throw new FramingError('Malformed zip file');
            if (length === 8) {
                if (method !== 0)
                    throw new FramingError('Malformed zip file');
                compressedSize = safe(data.readBigUInt64LE(0));
                uncompressedSize = compressedSize;
            }
            else if (length >= 16) {
                if (uncompressedSize === 0xffffffff)
                    uncompressedSize = safe(data.readBigUInt64LE(0));
                compressedSize = safe(data.readBigUInt64LE(8));
            }
        }
        else if (id === 0x7075) {
            const unicode = data.subarray(5);
            if (unprintable(unicode))
                throw new FramingError('Invalid character in filename');
            if (utf8(unicode) === undefined)
                throw new FramingError('Filename not valid UTF-8');
        }
        at += 4 + length;
    }
    if (flags & 0x0008)
        throw new FramingError('ZIP contains a data descriptor');
    const name = memberName(rawName, flags);
    const record = central.get(name);
    if (!record)
        throw new FramingError('Filename not in central directory');
    if (record.compressedSize !== compressedSize)
        throw new FramingError('Mis-matched data size');
    if (record.uncompressedSize !== uncompressedSize)
        throw new FramingError('Mis-matched file size');
    const next = position + 30 + nameLength + extraLength + compressedSize;
    if (next > window.size)
        throw new FramingError('Malformed zip file');
    return { name, next };
}
/** PyPI's words for a refused zip, and where it explains them. */
function zipNotAccepted(reason) {
    return `ZIP archive not accepted: ${reason}. See https://docs.pypi.org/archives for more information`;
}

;// CONCATENATED MODULE: ./src/dists/zip.ts



class ZipFormatError extends Error {
    name = 'ZipFormatError';
}
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** Deflate never grows data by more than a few bytes per 16 KiB block. */
const DEFLATE_SLACK = 1024;
/**
 * Reads a zip's central directory and chosen members without loading the archive: only the tail,
 * the directory and the wanted members are read from disk. Every size and offset is checked
 * against the file's size before anything is allocated, and names must be unique.
 */
class ZipReader {
    handle;
    size;
    entries;
    constructor(handle, size, entries) {
        this.handle = handle;
        this.size = size;
        this.entries = entries;
    }
    static async open(path) {
        const handle = await (0,promises_.open)(path, 'r');
        try {
            const { size } = await handle.stat();
            return new ZipReader(handle, size, await readCentralDirectory(handle, size));
        }
        catch (error) {
            await handle.close();
            throw error;
        }
    }
    /** PyPI's record-framing rules (see zip-framing.ts); a ZipFormatError in PyPI's words if broken. */
    async checkFraming() {
        const central = new Map(this.entries.map((e) => [e.name, e]));
        const problem = await zipFramingProblem(this.handle, this.size, central);
        if (problem)
            throw new ZipFormatError(zipNotAccepted(problem));
    }
    async read(entry, maxBytes) {
        if (entry.uncompressedSize > maxBytes) {
            throw new ZipFormatError(`${entry.name} is ${entry.uncompressedSize} bytes, over the ${maxBytes}-byte limit`);
        }
        if (entry.method !== 0 && entry.method !== 8) {
            throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}; PyPI accepts only stored (0) and deflate (8)`);
        }
        // A stored member's bytes are its content: what is read is capped, not just what is declared.
        if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
            throw new ZipFormatError(`${entry.name} is stored uncompressed, but its sizes disagree (${entry.compressedSize} and ${entry.uncompressedSize} bytes)`);
        }
        if (entry.compressedSize > maxBytes + DEFLATE_SLACK) {
            throw new ZipFormatError(`${entry.name} is ${entry.compressedSize} bytes compressed, over the ${maxBytes}-byte limit`);
        }
        const header = await readAt(this.handle, this.size, entry.localHeaderOffset, 30);
        if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE)
            throw new ZipFormatError(`the local header of ${entry.name} is missing`);
        const nameLength = header.readUInt16LE(26);
        const localName = (await readAt(this.handle, this.size, entry.localHeaderOffset + 30, nameLength)).toString('utf8');
        if (localName !== entry.name) {
            throw new ZipFormatError(`the local header names '${localName}' where the central directory names '${entry.name}'`);
        }
        const dataStart = entry.localHeaderOffset + 30 + nameLength + header.readUInt16LE(28);
        const raw = await readAt(this.handle, this.size, dataStart, entry.compressedSize);
        if (entry.method === 0)
            return raw;
        let data;
        try {
            data = (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: maxBytes });
        }
        catch (error) {
            throw new ZipFormatError(`${entry.name} could not be decompressed: ${error.message}`);
        }
        if (data.length !== entry.uncompressedSize) {
            throw new ZipFormatError(`${entry.name} decompresses to ${data.length} bytes, not the ${entry.uncompressedSize} its header declares`);
        }
        return data;
    }
    close() {
        return this.handle.close();
    }
}
/** Reads exactly `length` bytes at `position`, after checking that they lie inside the file. */
async function readAt(handle, size, position, length) {
    if (!Number.isSafeInteger(position) ||
        !Number.isSafeInteger(length) ||
        position < 0 ||
        length < 0 ||
        position + length > size) {
        throw new ZipFormatError('a record points past the end of the file (truncated or crafted archive)');
    }
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    if (bytesRead !== length)
        throw new ZipFormatError('the archive ends early (truncated file?)');
    return buffer;
}
function uint64(buffer, at, what) {
    const value = buffer.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new ZipFormatError(`the ${what} (${value}) is not a possible size or offset`);
    return Number(value);
}
async function readCentralDirectory(handle, size) {
    if (size < 22)
        throw new ZipFormatError('the file is too small to be a zip archive');
    const tailLength = Math.min(size, 22 + MAX_COMMENT);
    const tailStart = size - tailLength;
    const tail = await readAt(handle, size, tailStart, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw new ZipFormatError('no end-of-central-directory record: this is not a zip archive, or it is truncated');
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
        const locatorAt = tailStart + eocd - 20;
        const locator = locatorAt >= 0 ? await readAt(handle, size, locatorAt, 20) : undefined;
        // Python's zipfile writes exactly 65,535 entries without ZIP64 records; only a locator means ZIP64.
        if (locator?.readUInt32LE(0) === ZIP64_LOCATOR_SIGNATURE) {
            const record = await readAt(handle, size, uint64(locator, 8, 'ZIP64 end record offset'), 56);
            if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE)
                throw new ZipFormatError('the ZIP64 end-of-central-directory record is missing');
            count = uint64(record, 32, 'ZIP64 entry count');
            directorySize = uint64(record, 40, 'ZIP64 central directory size');
            directoryOffset = uint64(record, 48, 'ZIP64 central directory offset');
        }
        else if (directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
            throw new ZipFormatError('the ZIP64 locator is missing');
        }
    }
    if (directoryOffset + directorySize > size)
        throw new ZipFormatError('the central directory lies past the end of the file (truncated?)');
    if (count * 46 > directorySize)
        throw new ZipFormatError(`the archive claims ${count} members, more than its central directory can hold`);
    const directory = await readAt(handle, size, directoryOffset, directorySize);
    const entries = [];
    const names = new Set();
    let at = 0;
    for (let i = 0; i < count; i++) {
        if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
            throw new ZipFormatError('the central directory is corrupt');
        }
        const nameLength = directory.readUInt16LE(at + 28);
        const extraLength = directory.readUInt16LE(at + 30);
        const commentLength = directory.readUInt16LE(at + 32);
        if (at + 46 + nameLength + extraLength + commentLength > directory.length)
            throw new ZipFormatError('the central directory is corrupt');
        const entry = {
            method: directory.readUInt16LE(at + 10),
            compressedSize: directory.readUInt32LE(at + 20),
            uncompressedSize: directory.readUInt32LE(at + 24),
            localHeaderOffset: directory.readUInt32LE(at + 42),
            // Wheels must use UTF-8 names (PEP 427); the framing check refuses other bytes.
            name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        };
        applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
        if (entry.localHeaderOffset + 30 > size || entry.compressedSize > size) {
            throw new ZipFormatError(`the central directory gives ${entry.name} a size or offset past the end of the file`);
        }
        // pip and PyPI would each pick one of two same-named members, maybe not the same one.
        if (names.has(entry.name))
            throw new ZipFormatError(zipNotAccepted(`Duplicate filename in central directory (${entry.name})`));
        names.add(entry.name);
        entries.push(entry);
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
/** ZIP64 extra field (id 1): 64-bit values for those 32-bit fields that hold 0xFFFFFFFF, in this order. */
function applyZip64Extra(entry, extra) {
    for (let at = 0; at + 4 <= extra.length;) {
        const id = extra.readUInt16LE(at);
        const length = extra.readUInt16LE(at + 2);
        if (id === 0x0001) {
            const end = Math.min(at + 4 + length, extra.length);
            let field = at + 4;
            const next = (what) => {
                if (field + 8 > end)
                    throw new ZipFormatError(`the ZIP64 extra field of ${entry.name} is too short to hold its ${what}`);
                const value = uint64(extra, field, `ZIP64 ${what} of ${entry.name}`);
                field += 8;
                return value;
            };
            if (entry.uncompressedSize === 0xffffffff)
                entry.uncompressedSize = next('size');
            if (entry.compressedSize === 0xffffffff)
                entry.compressedSize = next('compressed size');
            if (entry.localHeaderOffset === 0xffffffff)
                entry.localHeaderOffset = next('offset');
            return;
        }
        at += 4 + length;
    }
}

;// CONCATENATED MODULE: ./src/dists/entry-points.ts
/**
 * PyPI refuses a wheel whose `entry_points.txt` is not the INI file the entry-points specification
 * describes (as Python's configparser reads it with `=` as the only delimiter and case kept), or
 * whose console/GUI script names are not `[\w.-]+` (no path parts). Returns the reason, or undefined.
 */
function entryPointsProblem(text) {
    const sections = new Set();
    let section;
    let lastOptionIndent;
    const lines = text.split(/\r\n|\r|\n/);
    for (const [index, line] of lines.entries()) {
        const where = `line ${index + 1}`;
        const stripped = line.trim();
        if (stripped === '' || /^[#;]/.test(stripped)) {
            if (stripped === '')
                lastOptionIndent = undefined;
            continue;
        }
        const indent = line.length - line.trimStart().length;
        if (section && lastOptionIndent !== undefined && indent > lastOptionIndent)
            continue; // a continuation line
        const header = /^\[(.+)\]/.exec(stripped);
        if (header) {
            const name = header[1];
            if (sections.has(name))
                return `${where}: section [${name}] appears twice`;
            sections.add(name);
            section = { name, options: new Set() };
            lastOptionIndent = undefined;
            continue;
        }
        if (!section)
            return `${where}: '${stripped.slice(0, 60)}' comes before any [section] header`;
        const equals = stripped.indexOf('=');
        const key = equals < 0 ? '' : stripped.slice(0, equals).trim();
        if (!key)
            return `${where}: '${stripped.slice(0, 60)}' is not a 'name = value' line`;
        if (section.options.has(key))
            return `${where}: '${key}' appears twice in [${section.name}]`;
        section.options.add(key);
        lastOptionIndent = indent;
        if ((section.name === 'console_scripts' || section.name === 'gui_scripts') &&
            !/^[\p{L}\p{N}\p{Mc}\p{Mn}\p{Pc}.-]+$/u.test(key)) {
            return `${where}: the script name '${key}' in [${section.name}] may hold only letters, digits, '_', '.' and '-'`;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/dists/dist-metadata.ts






const MAX_METADATA_BYTES = 16 * 1024 * 1024;
/** Reads a dist's core metadata without unpacking the archive. */
async function readDistMetadata(dist) {
    try {
        const { member, bytes, members } = dist.kind === 'wheel' ? await readWheelMetadata(dist) : await readSdistPkgInfo(dist);
        return { member, members, metadata: parseCoreMetadata(decodeUtf8(bytes, dist, member)) };
    }
    catch (error) {
        if (error instanceof common_errors/* PublishError */.S1)
            throw error;
        if ((error instanceof ZipFormatError || error instanceof TarFormatError) &&
            error.message.includes(' archive not accepted: ')) {
            throw new common_errors/* PublishError */.S1(`${dist.filename}: ${error.message}.`, {
                file: dist.filename,
                hint: 'PyPI refuses archives built to be read differently by different tools (duplicate or mismatched members, trailing data, comments, sparse members, non-UTF-8 names). Rebuild the file with `python -m build` and upload it unmodified; do not append to, re-zip or re-tar it by hand.',
            });
        }
        // Whatever a crafted archive makes the readers throw (RangeError included) is the file's fault.
        if (error instanceof Error && !(error instanceof MetadataError)) {
            throw new common_errors/* PublishError */.S1(`${dist.filename} is not a valid ${dist.kind === 'wheel' ? 'wheel (zip archive)' : 'sdist (.tar.gz archive)'}: ${error.message}.`, {
                file: dist.filename,
                hint: 'The file is damaged or was not written by a build tool. Rebuild it (`python -m build`) and make sure it is copied whole (for example by actions/upload-artifact and actions/download-artifact).',
            });
        }
        if (error instanceof MetadataError) {
            throw new common_errors/* PublishError */.S1(`${dist.filename}: its metadata cannot be parsed: ${error.message}.`, {
                file: dist.filename,
                hint: 'Rebuild the distribution with a current build backend.',
            });
        }
        throw error;
    }
}
function decodeUtf8(bytes, dist, member) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new common_errors/* PublishError */.S1(`${dist.filename}: ${member} is not valid UTF-8.`, {
            file: dist.filename,
            hint: 'Core metadata must be UTF-8; check the encoding of your README and pyproject.toml, then rebuild.',
        });
    }
}
async function readWheelMetadata(dist) {
    const zip = await ZipReader.open(dist.path);
    try {
        const distInfoDirs = new Set(zip.entries.map((e) => /^([^/]+\.dist-info)\//.exec(e.name)?.[1]).filter((d) => d !== undefined));
        const expected = `${normalizeName(dist.name)}-${normalizeVersion(dist.version)}`;
        const matching = [...distInfoDirs].filter((dir) => {
            const stem = dir.slice(0, -'.dist-info'.length);
            const dash = stem.lastIndexOf('-');
            return `${normalizeName(stem.slice(0, dash))}-${normalizeVersion(stem.slice(dash + 1))}` === expected;
        });
        const dir = matching[0] ?? (distInfoDirs.size === 1 ? [...distInfoDirs][0] : undefined);
        if (!dir) {
            const found = distInfoDirs.size
                ? ` It has ${[...distInfoDirs].join(', ')}.`
                : ' It has no .dist-info directory at all.';
            throw new common_errors/* PublishError */.S1(`${dist.filename} has no ${dist.name}-${dist.version}.dist-info directory.${found}`, {
                file: dist.filename,
                hint: 'A wheel must carry {name}-{version}.dist-info/ with METADATA, WHEEL and RECORD. Rebuild it with `python -m build --wheel`.',
            });
        }
        const missing = ['METADATA', 'WHEEL', 'RECORD'].filter((file) => !zip.entries.some((e) => e.name === `${dir}/${file}`));
        if (missing.length) {
            throw new common_errors/* PublishError */.S1(`${dist.filename} has no ${missing.map((f) => `${dir}/${f}`).join(', ')}.`, {
                file: dist.filename,
                hint: 'PyPI refuses a wheel without METADATA, WHEEL and RECORD in its .dist-info directory. Rebuild it with `python -m build --wheel`.',
            });
        }
        await zip.checkFraming();
        const entryPoints = zip.entries.find((e) => e.name === `${dir}/entry_points.txt`);
        if (entryPoints)
            checkEntryPoints(dist, entryPoints.name, await zip.read(entryPoints, MAX_METADATA_BYTES));
        const member = `${dir}/METADATA`;
        const entry = zip.entries.find((e) => e.name === member);
        // Only what the License-File check looks for: the licenses folder of the .dist-info directory.
        const members = new Set(zip.entries.filter((e) => e.name.startsWith(`${dir}/licenses/`)).map((e) => e.name));
        return { member, bytes: await zip.read(entry, MAX_METADATA_BYTES), members };
    }
    finally {
        await zip.close();
    }
}
function checkEntryPoints(dist, member, bytes) {
    let problem;
    try {
        problem = entryPointsProblem(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    catch {
        problem = 'it is not valid UTF-8';
    }
    if (problem) {
        throw new common_errors/* PublishError */.S1(`${dist.filename} has invalid entry points: ${member}, ${problem}. PyPI refuses such a wheel.`, {
            file: dist.filename,
            hint: 'Fix [project.scripts], [project.gui-scripts] and [project.entry-points] in pyproject.toml (script names: letters, digits, _ . - only, no paths), then rebuild.',
        });
    }
}
async function readSdistPkgInfo(dist) {
    const listing = await listSdist(dist.path);
    const tops = [...listing.topLevel];
    if (tops.length !== 1) {
        const found = tops.length
            ? `${tops.length} top-level entries (${tops.slice(0, 5).join(', ')}${tops.length > 5 ? ', …' : ''})`
            : 'no entries at all';
        throw new common_errors/* PublishError */.S1(`${dist.filename} has ${found}; an sdist must hold exactly one top-level directory, ${dist.name}-${dist.version}/.`, {
            file: dist.filename,
            hint: 'Build the sdist with `python -m build --sdist` instead of packing it by hand.',
        });
    }
    const top = tops[0];
    const bytes = listing.pkgInfo.get(top);
    if (!bytes) {
        throw new common_errors/* PublishError */.S1(`${dist.filename} has no ${top}/PKG-INFO, so PyPI cannot read its metadata.`, {
            file: dist.filename,
            hint: 'Build the sdist with `python -m build --sdist`, which writes PKG-INFO.',
        });
    }
    return { member: `${top}/PKG-INFO`, bytes, members: listing.names };
}

;// CONCATENATED MODULE: ./src/checks/pep508.ts
// Dependency specifiers (PEP 508) and version specifiers (PEP 440), checked the way `packaging`
// parses them, since Warehouse hands Requires-Dist and Requires-Python to packaging and refuses
// whatever it cannot parse.
const RELEASE = '(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*';
const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const pep508_LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
// One version specifier: `===` takes anything; `==`/`!=` allow `.*` and local versions; `~=` needs
// two release numbers; the ordered comparisons allow neither.
const SPECIFIER = '(?:===\\s*[^\\s;)]*' +
    `|(?:==|!=)\\s*v?${RELEASE}(?:\\.\\*|${PRE}${POST}${DEV}${pep508_LOCAL})?` +
    `|~=\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE}${POST}${DEV}` +
    `|(?:<=|>=|<|>)\\s*v?${RELEASE}${PRE}${POST}${DEV})`;
const WHOLE_SPECIFIER = new RegExp(`^\\s*${SPECIFIER}\\s*$`, 'i');
const MARKER_VARIABLE = 'python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)' +
    '|platform[._](?:version|machine|python_implementation)|python_implementation' +
    '|implementation_(?:name|version)|extras?|dependency_groups';
// Sticky patterns, tried at the current position like packaging's tokenizer does.
const TOKENS = {
    ws: /[ \t]+/y,
    identifier: /\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b/y,
    specifier: new RegExp(SPECIFIER, 'iy'),
    prefixTrail: /\.\*/y,
    localTrail: /\+[a-z0-9]+(?:[-_.][a-z0-9]+)*/y,
    url: /[^ \t]+/y,
    variable: new RegExp(`\\b(?:${MARKER_VARIABLE})\\b`, 'y'),
    quoted: /'[^']*'|"[^"]*"/y,
    op: /===|==|~=|!=|<=|>=|<|>/y,
    boolOp: /\b(?:or|and)\b/y,
    in: /\bin\b/y,
    not: /\bnot\b/y,
};
class SyntaxProblem extends Error {
}
class Scanner {
    source;
    position = 0;
    constructor(source) {
        this.source = source;
    }
    /** Reads the token if it is next, returning its text. */
    take(pattern) {
        pattern.lastIndex = this.position;
        const match = pattern.exec(this.source);
        if (!match)
            return undefined;
        this.position += match[0].length;
        return match[0];
    }
    peek(pattern) {
        pattern.lastIndex = this.position;
        return pattern.test(this.source);
    }
    takeChar(char) {
        if (this.source[this.position] !== char)
            return false;
        this.position++;
        return true;
    }
    skipSpace() {
        this.take(TOKENS.ws);
    }
    atEnd() {
        return this.position >= this.source.length;
    }
    fail(expected) {
        const found = this.atEnd() ? 'the end' : `'${this.source.slice(this.position, this.position + 20)}'`;
        throw new SyntaxProblem(`expected ${expected} at position ${this.position + 1}, found ${found}`);
    }
    expect(pattern, expected) {
        return this.take(pattern) ?? this.fail(expected);
    }
}
/** Parses a PEP 508 dependency specifier as `packaging.requirements.Requirement` would. */
function parseRequirement(text) {
    try {
        return { requirement: readRequirement(new Scanner(text)) };
    }
    catch (error) {
        if (error instanceof SyntaxProblem)
            return { error: error.message };
        throw error;
    }
}
function readRequirement(scanner) {
    scanner.skipSpace();
    const name = scanner.expect(TOKENS.identifier, 'a package name');
    scanner.skipSpace();
    const extras = readExtras(scanner);
    scanner.skipSpace();
    const requirement = { name, extras, specifier: '' };
    if (scanner.takeChar('@')) {
        scanner.skipSpace();
        requirement.url = scanner.expect(TOKENS.url, 'a URL after @');
        if (scanner.atEnd())
            return requirement;
        scanner.expect(TOKENS.ws, 'whitespace after the URL');
        if (scanner.atEnd())
            return requirement;
    }
    else {
        requirement.specifier = readSpecifiers(scanner);
        scanner.skipSpace();
        if (scanner.atEnd())
            return checkSpecifiers(requirement);
    }
    if (!scanner.takeChar(';'))
        scanner.fail(requirement.specifier ? "',' or ';'" : "a version specifier or ';'");
    const markerStart = scanner.position;
    readMarker(scanner);
    requirement.marker = scanner.source.slice(markerStart).trim();
    scanner.skipSpace();
    if (!scanner.atEnd())
        scanner.fail('the end of the requirement');
    return checkSpecifiers(requirement);
}
function checkSpecifiers(requirement) {
    const problem = specifierSetProblem(requirement.specifier);
    if (problem)
        throw new SyntaxProblem(problem);
    return requirement;
}
function readExtras(scanner) {
    if (!scanner.takeChar('['))
        return [];
    const extras = [];
    scanner.skipSpace();
    const first = scanner.take(TOKENS.identifier);
    if (first) {
        extras.push(first);
        for (;;) {
            scanner.skipSpace();
            if (scanner.peek(TOKENS.identifier))
                scanner.fail("',' between extra names");
            if (!scanner.takeChar(','))
                break;
            scanner.skipSpace();
            extras.push(scanner.expect(TOKENS.identifier, 'an extra name after the comma'));
        }
    }
    scanner.skipSpace();
    if (!scanner.takeChar(']'))
        scanner.fail("']' to close the extras");
    return extras;
}
function readSpecifiers(scanner) {
    const parenthesized = scanner.takeChar('(');
    scanner.skipSpace();
    let text = '';
    for (;;) {
        const specifier = scanner.take(TOKENS.specifier);
        if (specifier === undefined)
            break;
        text += specifier;
        if (scanner.peek(TOKENS.prefixTrail)) {
            scanner.fail(/^(==(?!=)|!=)/.test(specifier)
                ? "no '.*' after a pre-, post-, dev or local version"
                : "'.*' only after == or !=");
        }
        if (scanner.peek(TOKENS.localTrail))
            scanner.fail('a local version (+…) only after == or !=');
        scanner.skipSpace();
        if (!scanner.takeChar(','))
            break;
        text += ',';
        scanner.skipSpace();
    }
    scanner.skipSpace();
    if (parenthesized && !scanner.takeChar(')'))
        scanner.fail("')' to close the version specifier");
    return text;
}
function readMarker(scanner) {
    readMarkerAtom(scanner);
    while (scanner.take(TOKENS.boolOp))
        readMarkerAtom(scanner);
}
function readMarkerAtom(scanner) {
    scanner.skipSpace();
    if (scanner.takeChar('(')) {
        scanner.skipSpace();
        readMarker(scanner);
        scanner.skipSpace();
        if (!scanner.takeChar(')'))
            scanner.fail("')' to close the marker expression");
    }
    else {
        readMarkerValue(scanner);
        scanner.skipSpace();
        if (scanner.take(TOKENS.not)) {
            scanner.expect(TOKENS.ws, "whitespace after 'not'");
            scanner.expect(TOKENS.in, "'in' after 'not'");
        }
        else if (!scanner.take(TOKENS.in) && !scanner.take(TOKENS.op)) {
            scanner.fail('a marker operator (<=, <, !=, ==, >=, >, ~=, ===, in, not in)');
        }
        scanner.skipSpace();
        readMarkerValue(scanner);
    }
    scanner.skipSpace();
}
function readMarkerValue(scanner) {
    scanner.skipSpace();
    if (scanner.take(TOKENS.variable) === undefined && scanner.take(TOKENS.quoted) === undefined) {
        scanner.fail('a marker variable (python_version, sys_platform, extra, …) or a quoted string');
    }
}
/** Why a version specifier set (`>=3.9,<4`) is invalid for `packaging.specifiers.SpecifierSet`, or undefined. */
function specifierSetProblem(text) {
    for (const part of text.split(',')) {
        if (part.trim() === '')
            continue;
        if (!WHOLE_SPECIFIER.test(part))
            return `'${part.trim()}' is not a valid version specifier (such as >=3.9, ==1.2.*, ~=2.1, !=3.0)`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/checks/metadata/problems.ts
// How the metadata field checks report: one problem per field and value, quoted for a message.

/** A single-value field as PyPI sees it: empty values and the "UNKNOWN" of old distutils are dropped. */
function value(metadata, field) {
    const raw = getField(metadata, field);
    return raw === undefined || raw.trim() === '' || raw.trim() === 'UNKNOWN' ? undefined : raw;
}
/** A value quoted for a message, shortened and with line breaks made visible. */
function show(text) {
    const flat = text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
    return `'${flat.length > 80 ? `${flat.slice(0, 77)}…` : flat}'`;
}
const error = (field, message, fix) => ({
    field,
    message,
    fix,
    severity: 'error',
});
const warning = (field, message, fix) => ({
    field,
    message,
    fix,
    severity: 'warning',
});

;// CONCATENATED MODULE: ./src/checks/metadata/dependency-fields.ts
// What the release depends on and offers: Requires/Provides/Obsoletes-Dist, Requires-Python, Provides-Extra.




function checkRequirements(metadata, report) {
    for (const field of ['Requires-Dist', 'Provides-Dist', 'Obsoletes-Dist']) {
        for (const text of getFields(metadata, field)) {
            const parsed = parseRequirement(text);
            if ('error' in parsed) {
                report(error(field, `${field} ${show(text)} is not a valid PEP 508 dependency specifier: ${parsed.error}.`, 'Fix the entry in [project] dependencies / optional-dependencies (pyproject.toml), e.g. `requests>=2.31; python_version >= "3.9"`, then rebuild.'));
            }
            else if (parsed.requirement.url !== undefined) {
                // PyPI refuses direct references so that what it serves installs the same from the index alone.
                report(error(field, `${field} ${show(text)} is a direct URL reference; PyPI refuses dependencies on URLs.`, `Depend on a released version instead (e.g. \`${parsed.requirement.name}>=1.0\`), publishing it to PyPI first if needed; keep URL dependencies for local requirements files.`));
            }
        }
    }
}
function checkRequiresPython(metadata, report) {
    const text = value(metadata, 'Requires-Python');
    const problem = text === undefined ? undefined : specifierSetProblem(text);
    if (!problem)
        return;
    report(error('Requires-Python', `Requires-Python ${show(text)} is not a valid version specifier set: ${problem}.`, 'Write requires-python in [project] (pyproject.toml) as specifiers such as ">=3.9" or ">=3.9,<4", then rebuild.'));
}
function checkExtras(metadata, report) {
    for (const extra of getFields(metadata, 'Provides-Extra')) {
        if (isValidName(extra))
            continue;
        report(error('Provides-Extra', `Provides-Extra ${show(extra)} is not a valid extra name (letters, digits, '.', '_' and '-', starting and ending with a letter or digit).`, 'Rename the extra in [project.optional-dependencies] (pyproject.toml), then rebuild.'));
    }
}

;// CONCATENATED MODULE: ./src/checks/metadata/field-occurrences.ts
// Which fields may appear at all, and how often: fields given twice, and what Dynamic may name.


// Fields packaging reads as one value: a second occurrence makes the metadata unparsable.
const ONCE_ONLY = [
    'Metadata-Version',
    'Name',
    'Version',
    'Summary',
    'Description',
    'Description-Content-Type',
    'Keywords',
    'Home-page',
    'Download-URL',
    'Author',
    'Author-email',
    'Maintainer',
    'Maintainer-email',
    'License',
    'License-Expression',
    'Requires-Python',
];
// The fields Warehouse lets Dynamic name (warehouse/forklift/metadata.py DYNAMIC_FIELDS).
const DYNAMIC_FIELDS = new Set([
    'platform',
    'supported-platform',
    'summary',
    'description',
    'description-content-type',
    'keywords',
    'home-page',
    'download-url',
    'author',
    'author-email',
    'maintainer',
    'maintainer-email',
    'license',
    'license-expression',
    'license-file',
    'classifier',
    'requires-dist',
    'requires-python',
    'requires-external',
    'project-url',
    'provides-extra',
    'provides-dist',
    'obsoletes-dist',
    'requires',
    'provides',
    'obsoletes',
    'import-name',
    'import-namespace',
]);
function checkRepeats(metadata, report) {
    for (const field of ONCE_ONLY) {
        const values = getFields(metadata, field);
        if (values.length < 2)
            continue;
        report(error(field, `${field} appears ${values.length} times (${values.map(show).join(', ')}); core metadata allows it once, and packaging refuses the file.`, `Set ${field} once; the build backend wrote it twice, so check pyproject.toml/setup.cfg for the value given in two places, then rebuild.`));
    }
}
function checkDynamic(metadata, report) {
    for (const field of getFields(metadata, 'Dynamic')) {
        const lower = field.trim().toLowerCase();
        const fix = 'Remove it from the dynamic list (pyproject.toml [project] dynamic, or the backend that writes it), then rebuild.';
        if (['name', 'version', 'metadata-version'].includes(lower)) {
            report(error('Dynamic', `Dynamic names ${show(field)}, which may never be dynamic (PEP 643).`, fix));
        }
        else if (!DYNAMIC_FIELDS.has(lower)) {
            report(error('Dynamic', `Dynamic names ${show(field)}, which is not a core metadata field PyPI allows there.`, fix));
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/data/trove-classifiers.json
const trove_classifiers_namespaceObject = /*#__PURE__*/JSON.parse('{"sP":"trove-classifiers 2026.9.21.13","bf":["Development Status :: 1 - Planning","Development Status :: 2 - Pre-Alpha","Development Status :: 3 - Alpha","Development Status :: 4 - Beta","Development Status :: 5 - Production/Stable","Development Status :: 6 - Mature","Development Status :: 7 - Inactive","Environment :: Console","Environment :: Console :: Curses","Environment :: Console :: Framebuffer","Environment :: Console :: Newt","Environment :: Console :: svgalib","Environment :: Cygwin (MS Windows)","Environment :: GPU","Environment :: GPU :: NVIDIA CUDA","Environment :: GPU :: NVIDIA CUDA :: 1.0","Environment :: GPU :: NVIDIA CUDA :: 1.1","Environment :: GPU :: NVIDIA CUDA :: 10.0","Environment :: GPU :: NVIDIA CUDA :: 10.1","Environment :: GPU :: NVIDIA CUDA :: 10.2","Environment :: GPU :: NVIDIA CUDA :: 11","Environment :: GPU :: NVIDIA CUDA :: 11.0","Environment :: GPU :: NVIDIA CUDA :: 11.1","Environment :: GPU :: NVIDIA CUDA :: 11.2","Environment :: GPU :: NVIDIA CUDA :: 11.3","Environment :: GPU :: NVIDIA CUDA :: 11.4","Environment :: GPU :: NVIDIA CUDA :: 11.5","Environment :: GPU :: NVIDIA CUDA :: 11.6","Environment :: GPU :: NVIDIA CUDA :: 11.7","Environment :: GPU :: NVIDIA CUDA :: 11.8","Environment :: GPU :: NVIDIA CUDA :: 12","Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.0","Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.1","Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.2","Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.3","Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.4","Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.5","Environment :: GPU :: NVIDIA CUDA :: 12 :: 12.6","Environment :: GPU :: NVIDIA CUDA :: 13","Environment :: GPU :: NVIDIA CUDA :: 2.0","Environment :: GPU :: NVIDIA CUDA :: 2.1","Environment :: GPU :: NVIDIA CUDA :: 2.2","Environment :: GPU :: NVIDIA CUDA :: 2.3","Environment :: GPU :: NVIDIA CUDA :: 3.0","Environment :: GPU :: NVIDIA CUDA :: 3.1","Environment :: GPU :: NVIDIA CUDA :: 3.2","Environment :: GPU :: NVIDIA CUDA :: 4.0","Environment :: GPU :: NVIDIA CUDA :: 4.1","Environment :: GPU :: NVIDIA CUDA :: 4.2","Environment :: GPU :: NVIDIA CUDA :: 5.0","Environment :: GPU :: NVIDIA CUDA :: 5.5","Environment :: GPU :: NVIDIA CUDA :: 6.0","Environment :: GPU :: NVIDIA CUDA :: 6.5","Environment :: GPU :: NVIDIA CUDA :: 7.0","Environment :: GPU :: NVIDIA CUDA :: 7.5","Environment :: GPU :: NVIDIA CUDA :: 8.0","Environment :: GPU :: NVIDIA CUDA :: 9.0","Environment :: GPU :: NVIDIA CUDA :: 9.1","Environment :: GPU :: NVIDIA CUDA :: 9.2","Environment :: Handhelds/PDA\'s","Environment :: MacOS X","Environment :: MacOS X :: Aqua","Environment :: MacOS X :: Carbon","Environment :: MacOS X :: Cocoa","Environment :: No Input/Output (Daemon)","Environment :: OpenStack","Environment :: Other Environment","Environment :: Plugins","Environment :: Web Environment","Environment :: Web Environment :: Buffet","Environment :: Web Environment :: Mozilla","Environment :: Web Environment :: ToscaWidgets","Environment :: WebAssembly","Environment :: WebAssembly :: Emscripten","Environment :: WebAssembly :: WASI","Environment :: Win32 (MS Windows)","Environment :: X11 Applications","Environment :: X11 Applications :: GTK","Environment :: X11 Applications :: Gnome","Environment :: X11 Applications :: KDE","Environment :: X11 Applications :: Qt","Framework :: AWS CDK","Framework :: AWS CDK :: 1","Framework :: AWS CDK :: 2","Framework :: AiiDA","Framework :: Ansible","Framework :: AnyIO","Framework :: Apache Airflow","Framework :: Apache Airflow :: Provider","Framework :: AsyncIO","Framework :: BEAT","Framework :: BFG","Framework :: Bob","Framework :: Bottle","Framework :: Buildout","Framework :: Buildout :: Extension","Framework :: Buildout :: Recipe","Framework :: CastleCMS","Framework :: CastleCMS :: Theme","Framework :: Celery","Framework :: Chandler","Framework :: CherryPy","Framework :: CubicWeb","Framework :: Dash","Framework :: Datasette","Framework :: Django","Framework :: Django :: 1","Framework :: Django :: 1.10","Framework :: Django :: 1.11","Framework :: Django :: 1.4","Framework :: Django :: 1.5","Framework :: Django :: 1.6","Framework :: Django :: 1.7","Framework :: Django :: 1.8","Framework :: Django :: 1.9","Framework :: Django :: 2","Framework :: Django :: 2.0","Framework :: Django :: 2.1","Framework :: Django :: 2.2","Framework :: Django :: 3","Framework :: Django :: 3.0","Framework :: Django :: 3.1","Framework :: Django :: 3.2","Framework :: Django :: 4","Framework :: Django :: 4.0","Framework :: Django :: 4.1","Framework :: Django :: 4.2","Framework :: Django :: 5","Framework :: Django :: 5.0","Framework :: Django :: 5.1","Framework :: Django :: 5.2","Framework :: Django :: 6","Framework :: Django :: 6.0","Framework :: Django :: 6.1","Framework :: Django CMS","Framework :: Django CMS :: 3.10","Framework :: Django CMS :: 3.11","Framework :: Django CMS :: 3.4","Framework :: Django CMS :: 3.5","Framework :: Django CMS :: 3.6","Framework :: Django CMS :: 3.7","Framework :: Django CMS :: 3.8","Framework :: Django CMS :: 3.9","Framework :: Django CMS :: 4.0","Framework :: Django CMS :: 4.1","Framework :: Django CMS :: 5.0","Framework :: Django CMS :: 5.1","Framework :: FastAPI","Framework :: Flake8","Framework :: Flask","Framework :: Hatch","Framework :: Hypothesis","Framework :: IDLE","Framework :: IPython","Framework :: InvenTree","Framework :: Jupyter","Framework :: Jupyter :: JupyterLab","Framework :: Jupyter :: JupyterLab :: 1","Framework :: Jupyter :: JupyterLab :: 2","Framework :: Jupyter :: JupyterLab :: 3","Framework :: Jupyter :: JupyterLab :: 4","Framework :: Jupyter :: JupyterLab :: Extensions","Framework :: Jupyter :: JupyterLab :: Extensions :: Mime Renderers","Framework :: Jupyter :: JupyterLab :: Extensions :: Prebuilt","Framework :: Jupyter :: JupyterLab :: Extensions :: Themes","Framework :: Kedro","Framework :: Lektor","Framework :: Litestar","Framework :: Litestar :: 1","Framework :: Litestar :: 2","Framework :: Litestar :: 3","Framework :: Masonite","Framework :: Matplotlib","Framework :: MkDocs","Framework :: Nengo","Framework :: Odoo","Framework :: Odoo :: 10.0","Framework :: Odoo :: 11.0","Framework :: Odoo :: 12.0","Framework :: Odoo :: 13.0","Framework :: Odoo :: 14.0","Framework :: Odoo :: 15.0","Framework :: Odoo :: 16.0","Framework :: Odoo :: 17.0","Framework :: Odoo :: 18.0","Framework :: Odoo :: 19.0","Framework :: Odoo :: 20.0","Framework :: Odoo :: 8.0","Framework :: Odoo :: 9.0","Framework :: OpenTelemetry","Framework :: OpenTelemetry :: Distros","Framework :: OpenTelemetry :: Exporters","Framework :: OpenTelemetry :: Instrumentations","Framework :: Opps","Framework :: Paste","Framework :: Pelican","Framework :: Pelican :: Plugins","Framework :: Pelican :: Themes","Framework :: Plone","Framework :: Plone :: 3.2","Framework :: Plone :: 3.3","Framework :: Plone :: 4.0","Framework :: Plone :: 4.1","Framework :: Plone :: 4.2","Framework :: Plone :: 4.3","Framework :: Plone :: 5.0","Framework :: Plone :: 5.1","Framework :: Plone :: 5.2","Framework :: Plone :: 5.3","Framework :: Plone :: 6.0","Framework :: Plone :: 6.1","Framework :: Plone :: 6.2","Framework :: Plone :: 6.3","Framework :: Plone :: Addon","Framework :: Plone :: Core","Framework :: Plone :: Distribution","Framework :: Plone :: Theme","Framework :: PySimpleGUI","Framework :: PySimpleGUI :: 4","Framework :: PySimpleGUI :: 5","Framework :: Pycsou","Framework :: Pydantic","Framework :: Pydantic :: 1","Framework :: Pydantic :: 2","Framework :: Pylons","Framework :: Pyodide","Framework :: Pyramid","Framework :: Pytest","Framework :: Review Board","Framework :: Robot Framework","Framework :: Robot Framework :: Library","Framework :: Robot Framework :: Tool","Framework :: Scrapy","Framework :: Setuptools Plugin","Framework :: Sphinx","Framework :: Sphinx :: Domain","Framework :: Sphinx :: Extension","Framework :: Sphinx :: Theme","Framework :: Trac","Framework :: Trio","Framework :: Tryton","Framework :: TurboGears","Framework :: TurboGears :: Applications","Framework :: TurboGears :: Widgets","Framework :: Twisted","Framework :: Wagtail","Framework :: Wagtail :: 1","Framework :: Wagtail :: 2","Framework :: Wagtail :: 3","Framework :: Wagtail :: 4","Framework :: Wagtail :: 5","Framework :: Wagtail :: 6","Framework :: Wagtail :: 7","Framework :: Wagtail :: 8","Framework :: ZODB","Framework :: Zope","Framework :: Zope :: 2","Framework :: Zope :: 3","Framework :: Zope :: 4","Framework :: Zope :: 5","Framework :: Zope :: 6","Framework :: Zope2","Framework :: Zope3","Framework :: aiohttp","Framework :: cocotb","Framework :: napari","Framework :: tox","Intended Audience :: Customer Service","Intended Audience :: Developers","Intended Audience :: Education","Intended Audience :: End Users/Desktop","Intended Audience :: Financial and Insurance Industry","Intended Audience :: Healthcare Industry","Intended Audience :: Information Technology","Intended Audience :: Legal Industry","Intended Audience :: Manufacturing","Intended Audience :: Other Audience","Intended Audience :: Religion","Intended Audience :: Science/Research","Intended Audience :: System Administrators","Intended Audience :: Telecommunications Industry","License :: Aladdin Free Public License (AFPL)","License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication","License :: CeCILL-B Free Software License Agreement (CECILL-B)","License :: CeCILL-C Free Software License Agreement (CECILL-C)","License :: DFSG approved","License :: Eiffel Forum License (EFL)","License :: Free For Educational Use","License :: Free For Home Use","License :: Free To Use But Restricted","License :: Free for non-commercial use","License :: Freely Distributable","License :: Freeware","License :: GUST Font License 1.0","License :: GUST Font License 2006-09-30","License :: Netscape Public License (NPL)","License :: Nokia Open Source License (NOKOS)","License :: OSI Approved","License :: OSI Approved :: Academic Free License (AFL)","License :: OSI Approved :: Apache Software License","License :: OSI Approved :: Apple Public Source License","License :: OSI Approved :: Artistic License","License :: OSI Approved :: Attribution Assurance License","License :: OSI Approved :: BSD License","License :: OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)","License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)","License :: OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)","License :: OSI Approved :: CMU License (MIT-CMU)","License :: OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)","License :: OSI Approved :: Common Public License","License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)","License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)","License :: OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)","License :: OSI Approved :: Eiffel Forum License","License :: OSI Approved :: European Union Public Licence 1.0 (EUPL 1.0)","License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)","License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)","License :: OSI Approved :: GNU Affero General Public License v3","License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)","License :: OSI Approved :: GNU Free Documentation License (FDL)","License :: OSI Approved :: GNU General Public License (GPL)","License :: OSI Approved :: GNU General Public License v2 (GPLv2)","License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)","License :: OSI Approved :: GNU General Public License v3 (GPLv3)","License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)","License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)","License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)","License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)","License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)","License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)","License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)","License :: OSI Approved :: IBM Public License","License :: OSI Approved :: ISC License (ISCL)","License :: OSI Approved :: MIT License","License :: OSI Approved :: MIT No Attribution License (MIT-0)","License :: OSI Approved :: MirOS License (MirOS)","License :: OSI Approved :: Motosoto License","License :: OSI Approved :: Mozilla Public License 1.0 (MPL)","License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)","License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)","License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)","License :: OSI Approved :: NASA Open Source Agreement v1.3 (NASA-1.3)","License :: OSI Approved :: Nethack General Public License","License :: OSI Approved :: Nokia Open Source License","License :: OSI Approved :: Open Group Test Suite License","License :: OSI Approved :: Open Software License 3.0 (OSL-3.0)","License :: OSI Approved :: PostgreSQL License","License :: OSI Approved :: Python License (CNRI Python License)","License :: OSI Approved :: Python Software Foundation License","License :: OSI Approved :: Qt Public License (QPL)","License :: OSI Approved :: Ricoh Source Code Public License","License :: OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)","License :: OSI Approved :: Sleepycat License","License :: OSI Approved :: Sun Public License","License :: OSI Approved :: The Unlicense (Unlicense)","License :: OSI Approved :: Universal Permissive License (UPL)","License :: OSI Approved :: University of Illinois/NCSA Open Source License","License :: OSI Approved :: Vovida Software License 1.0","License :: OSI Approved :: W3C License","License :: OSI Approved :: Zero-Clause BSD (0BSD)","License :: OSI Approved :: Zope Public License","License :: OSI Approved :: zlib/libpng License","License :: Other/Proprietary License","License :: Public Domain","License :: Repoze Public License","Natural Language :: Afrikaans","Natural Language :: Arabic","Natural Language :: Armenian","Natural Language :: Basque","Natural Language :: Bengali","Natural Language :: Bosnian","Natural Language :: Bulgarian","Natural Language :: Cantonese","Natural Language :: Catalan","Natural Language :: Catalan (Valencian)","Natural Language :: Chinese (Simplified)","Natural Language :: Chinese (Traditional)","Natural Language :: Croatian","Natural Language :: Czech","Natural Language :: Danish","Natural Language :: Dutch","Natural Language :: English","Natural Language :: Esperanto","Natural Language :: Estonian","Natural Language :: Finnish","Natural Language :: French","Natural Language :: Galician","Natural Language :: Georgian","Natural Language :: German","Natural Language :: Greek","Natural Language :: Hebrew","Natural Language :: Hindi","Natural Language :: Hungarian","Natural Language :: Icelandic","Natural Language :: Indonesian","Natural Language :: Irish","Natural Language :: Italian","Natural Language :: Japanese","Natural Language :: Javanese","Natural Language :: Korean","Natural Language :: Latin","Natural Language :: Latvian","Natural Language :: Lithuanian","Natural Language :: Macedonian","Natural Language :: Malay","Natural Language :: Marathi","Natural Language :: Nepali","Natural Language :: Norwegian","Natural Language :: Panjabi","Natural Language :: Persian","Natural Language :: Polish","Natural Language :: Portuguese","Natural Language :: Portuguese (Brazilian)","Natural Language :: Romanian","Natural Language :: Russian","Natural Language :: Serbian","Natural Language :: Slovak","Natural Language :: Slovenian","Natural Language :: Spanish","Natural Language :: Swedish","Natural Language :: Tamil","Natural Language :: Telugu","Natural Language :: Thai","Natural Language :: Tibetan","Natural Language :: Turkish","Natural Language :: Ukrainian","Natural Language :: Urdu","Natural Language :: Vietnamese","Natural Language :: Yiddish","Operating System :: Android","Operating System :: BeOS","Operating System :: MacOS","Operating System :: MacOS :: MacOS 9","Operating System :: MacOS :: MacOS X","Operating System :: Microsoft","Operating System :: Microsoft :: MS-DOS","Operating System :: Microsoft :: Windows","Operating System :: Microsoft :: Windows :: Windows 10","Operating System :: Microsoft :: Windows :: Windows 11","Operating System :: Microsoft :: Windows :: Windows 3.1 or Earlier","Operating System :: Microsoft :: Windows :: Windows 7","Operating System :: Microsoft :: Windows :: Windows 8","Operating System :: Microsoft :: Windows :: Windows 8.1","Operating System :: Microsoft :: Windows :: Windows 95/98/2000","Operating System :: Microsoft :: Windows :: Windows CE","Operating System :: Microsoft :: Windows :: Windows NT/2000","Operating System :: Microsoft :: Windows :: Windows Server 2003","Operating System :: Microsoft :: Windows :: Windows Server 2008","Operating System :: Microsoft :: Windows :: Windows Vista","Operating System :: Microsoft :: Windows :: Windows XP","Operating System :: OS Independent","Operating System :: OS/2","Operating System :: Other OS","Operating System :: PDA Systems","Operating System :: POSIX","Operating System :: POSIX :: AIX","Operating System :: POSIX :: BSD","Operating System :: POSIX :: BSD :: BSD/OS","Operating System :: POSIX :: BSD :: FreeBSD","Operating System :: POSIX :: BSD :: NetBSD","Operating System :: POSIX :: BSD :: OpenBSD","Operating System :: POSIX :: GNU Hurd","Operating System :: POSIX :: HP-UX","Operating System :: POSIX :: IRIX","Operating System :: POSIX :: Linux","Operating System :: POSIX :: Other","Operating System :: POSIX :: SCO","Operating System :: POSIX :: SunOS/Solaris","Operating System :: PalmOS","Operating System :: RISC OS","Operating System :: Unix","Operating System :: iOS","Programming Language :: APL","Programming Language :: ASP","Programming Language :: Ada","Programming Language :: Assembly","Programming Language :: Awk","Programming Language :: Basic","Programming Language :: C","Programming Language :: C#","Programming Language :: C++","Programming Language :: Cold Fusion","Programming Language :: Cython","Programming Language :: D","Programming Language :: Delphi/Kylix","Programming Language :: Dylan","Programming Language :: Eiffel","Programming Language :: Emacs-Lisp","Programming Language :: Erlang","Programming Language :: Euler","Programming Language :: Euphoria","Programming Language :: F#","Programming Language :: Forth","Programming Language :: Fortran","Programming Language :: Go","Programming Language :: Haskell","Programming Language :: Hy","Programming Language :: Java","Programming Language :: JavaScript","Programming Language :: Kotlin","Programming Language :: Lisp","Programming Language :: Logo","Programming Language :: Lua","Programming Language :: ML","Programming Language :: Modula","Programming Language :: OCaml","Programming Language :: Object Pascal","Programming Language :: Objective C","Programming Language :: Other","Programming Language :: Other Scripting Engines","Programming Language :: PHP","Programming Language :: PL/SQL","Programming Language :: PROGRESS","Programming Language :: Pascal","Programming Language :: Perl","Programming Language :: Pike","Programming Language :: Pliant","Programming Language :: Prolog","Programming Language :: Python","Programming Language :: Python :: 2","Programming Language :: Python :: 2 :: Only","Programming Language :: Python :: 2.3","Programming Language :: Python :: 2.4","Programming Language :: Python :: 2.5","Programming Language :: Python :: 2.6","Programming Language :: Python :: 2.7","Programming Language :: Python :: 3","Programming Language :: Python :: 3 :: Only","Programming Language :: Python :: 3.0","Programming Language :: Python :: 3.1","Programming Language :: Python :: 3.10","Programming Language :: Python :: 3.11","Programming Language :: Python :: 3.12","Programming Language :: Python :: 3.13","Programming Language :: Python :: 3.14","Programming Language :: Python :: 3.15","Programming Language :: Python :: 3.16","Programming Language :: Python :: 3.2","Programming Language :: Python :: 3.3","Programming Language :: Python :: 3.4","Programming Language :: Python :: 3.5","Programming Language :: Python :: 3.6","Programming Language :: Python :: 3.7","Programming Language :: Python :: 3.8","Programming Language :: Python :: 3.9","Programming Language :: Python :: Free Threading","Programming Language :: Python :: Free Threading :: 1 - Unstable","Programming Language :: Python :: Free Threading :: 2 - Beta","Programming Language :: Python :: Free Threading :: 3 - Stable","Programming Language :: Python :: Free Threading :: 4 - Resilient","Programming Language :: Python :: Implementation","Programming Language :: Python :: Implementation :: CPython","Programming Language :: Python :: Implementation :: GraalPy","Programming Language :: Python :: Implementation :: IronPython","Programming Language :: Python :: Implementation :: Jython","Programming Language :: Python :: Implementation :: MicroPython","Programming Language :: Python :: Implementation :: PyPy","Programming Language :: Python :: Implementation :: Stackless","Programming Language :: R","Programming Language :: REBOL","Programming Language :: Rexx","Programming Language :: Ruby","Programming Language :: Rust","Programming Language :: SQL","Programming Language :: Scheme","Programming Language :: Simula","Programming Language :: Smalltalk","Programming Language :: Tcl","Programming Language :: Unix Shell","Programming Language :: Visual Basic","Programming Language :: XBasic","Programming Language :: YACC","Programming Language :: Zig","Programming Language :: Zope","Topic :: Adaptive Technologies","Topic :: Artistic Software","Topic :: Communications","Topic :: Communications :: BBS","Topic :: Communications :: Chat","Topic :: Communications :: Chat :: ICQ","Topic :: Communications :: Chat :: Internet Relay Chat","Topic :: Communications :: Chat :: Unix Talk","Topic :: Communications :: Conferencing","Topic :: Communications :: Email","Topic :: Communications :: Email :: Address Book","Topic :: Communications :: Email :: Email Clients (MUA)","Topic :: Communications :: Email :: Filters","Topic :: Communications :: Email :: Mail Transport Agents","Topic :: Communications :: Email :: Mailing List Servers","Topic :: Communications :: Email :: Post-Office","Topic :: Communications :: Email :: Post-Office :: IMAP","Topic :: Communications :: Email :: Post-Office :: POP3","Topic :: Communications :: FIDO","Topic :: Communications :: Fax","Topic :: Communications :: File Sharing","Topic :: Communications :: File Sharing :: Gnutella","Topic :: Communications :: File Sharing :: Napster","Topic :: Communications :: Ham Radio","Topic :: Communications :: Internet Phone","Topic :: Communications :: Telephony","Topic :: Communications :: Usenet News","Topic :: Database","Topic :: Database :: Database Engines/Servers","Topic :: Database :: Front-Ends","Topic :: Desktop Environment","Topic :: Desktop Environment :: File Managers","Topic :: Desktop Environment :: GNUstep","Topic :: Desktop Environment :: Gnome","Topic :: Desktop Environment :: K Desktop Environment (KDE)","Topic :: Desktop Environment :: K Desktop Environment (KDE) :: Themes","Topic :: Desktop Environment :: PicoGUI","Topic :: Desktop Environment :: PicoGUI :: Applications","Topic :: Desktop Environment :: PicoGUI :: Themes","Topic :: Desktop Environment :: Screen Savers","Topic :: Desktop Environment :: Window Managers","Topic :: Desktop Environment :: Window Managers :: Afterstep","Topic :: Desktop Environment :: Window Managers :: Afterstep :: Themes","Topic :: Desktop Environment :: Window Managers :: Applets","Topic :: Desktop Environment :: Window Managers :: Blackbox","Topic :: Desktop Environment :: Window Managers :: Blackbox :: Themes","Topic :: Desktop Environment :: Window Managers :: CTWM","Topic :: Desktop Environment :: Window Managers :: CTWM :: Themes","Topic :: Desktop Environment :: Window Managers :: Enlightenment","Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Epplets","Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Themes DR15","Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Themes DR16","Topic :: Desktop Environment :: Window Managers :: Enlightenment :: Themes DR17","Topic :: Desktop Environment :: Window Managers :: FVWM","Topic :: Desktop Environment :: Window Managers :: FVWM :: Themes","Topic :: Desktop Environment :: Window Managers :: Fluxbox","Topic :: Desktop Environment :: Window Managers :: Fluxbox :: Themes","Topic :: Desktop Environment :: Window Managers :: IceWM","Topic :: Desktop Environment :: Window Managers :: IceWM :: Themes","Topic :: Desktop Environment :: Window Managers :: MetaCity","Topic :: Desktop Environment :: Window Managers :: MetaCity :: Themes","Topic :: Desktop Environment :: Window Managers :: Oroborus","Topic :: Desktop Environment :: Window Managers :: Oroborus :: Themes","Topic :: Desktop Environment :: Window Managers :: Sawfish","Topic :: Desktop Environment :: Window Managers :: Sawfish :: Themes 0.30","Topic :: Desktop Environment :: Window Managers :: Sawfish :: Themes pre-0.30","Topic :: Desktop Environment :: Window Managers :: Waimea","Topic :: Desktop Environment :: Window Managers :: Waimea :: Themes","Topic :: Desktop Environment :: Window Managers :: Window Maker","Topic :: Desktop Environment :: Window Managers :: Window Maker :: Applets","Topic :: Desktop Environment :: Window Managers :: Window Maker :: Themes","Topic :: Desktop Environment :: Window Managers :: XFCE","Topic :: Desktop Environment :: Window Managers :: XFCE :: Themes","Topic :: Documentation","Topic :: Documentation :: Sphinx","Topic :: Education","Topic :: Education :: Computer Aided Instruction (CAI)","Topic :: Education :: Testing","Topic :: File Formats","Topic :: File Formats :: JSON","Topic :: File Formats :: JSON :: JSON Schema","Topic :: Games/Entertainment","Topic :: Games/Entertainment :: Arcade","Topic :: Games/Entertainment :: Board Games","Topic :: Games/Entertainment :: First Person Shooters","Topic :: Games/Entertainment :: Fortune Cookies","Topic :: Games/Entertainment :: Multi-User Dungeons (MUD)","Topic :: Games/Entertainment :: Puzzle Games","Topic :: Games/Entertainment :: Real Time Strategy","Topic :: Games/Entertainment :: Role-Playing","Topic :: Games/Entertainment :: Side-Scrolling/Arcade Games","Topic :: Games/Entertainment :: Simulation","Topic :: Games/Entertainment :: Turn Based Strategy","Topic :: Home Automation","Topic :: Internet","Topic :: Internet :: File Transfer Protocol (FTP)","Topic :: Internet :: Finger","Topic :: Internet :: Log Analysis","Topic :: Internet :: Name Service (DNS)","Topic :: Internet :: Proxy Servers","Topic :: Internet :: WAP","Topic :: Internet :: WWW/HTTP","Topic :: Internet :: WWW/HTTP :: Browsers","Topic :: Internet :: WWW/HTTP :: Dynamic Content","Topic :: Internet :: WWW/HTTP :: Dynamic Content :: CGI Tools/Libraries","Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Content Management System","Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Message Boards","Topic :: Internet :: WWW/HTTP :: Dynamic Content :: News/Diary","Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Page Counters","Topic :: Internet :: WWW/HTTP :: Dynamic Content :: Wiki","Topic :: Internet :: WWW/HTTP :: HTTP Servers","Topic :: Internet :: WWW/HTTP :: Indexing/Search","Topic :: Internet :: WWW/HTTP :: Session","Topic :: Internet :: WWW/HTTP :: Site Management","Topic :: Internet :: WWW/HTTP :: Site Management :: Link Checking","Topic :: Internet :: WWW/HTTP :: WSGI","Topic :: Internet :: WWW/HTTP :: WSGI :: Application","Topic :: Internet :: WWW/HTTP :: WSGI :: Middleware","Topic :: Internet :: WWW/HTTP :: WSGI :: Server","Topic :: Internet :: XMPP","Topic :: Internet :: Z39.50","Topic :: Multimedia","Topic :: Multimedia :: Graphics","Topic :: Multimedia :: Graphics :: 3D Modeling","Topic :: Multimedia :: Graphics :: 3D Rendering","Topic :: Multimedia :: Graphics :: Capture","Topic :: Multimedia :: Graphics :: Capture :: Digital Camera","Topic :: Multimedia :: Graphics :: Capture :: Scanners","Topic :: Multimedia :: Graphics :: Capture :: Screen Capture","Topic :: Multimedia :: Graphics :: Editors","Topic :: Multimedia :: Graphics :: Editors :: Raster-Based","Topic :: Multimedia :: Graphics :: Editors :: Vector-Based","Topic :: Multimedia :: Graphics :: Graphics Conversion","Topic :: Multimedia :: Graphics :: Presentation","Topic :: Multimedia :: Graphics :: Viewers","Topic :: Multimedia :: Sound/Audio","Topic :: Multimedia :: Sound/Audio :: Analysis","Topic :: Multimedia :: Sound/Audio :: CD Audio","Topic :: Multimedia :: Sound/Audio :: CD Audio :: CD Playing","Topic :: Multimedia :: Sound/Audio :: CD Audio :: CD Ripping","Topic :: Multimedia :: Sound/Audio :: CD Audio :: CD Writing","Topic :: Multimedia :: Sound/Audio :: Capture/Recording","Topic :: Multimedia :: Sound/Audio :: Conversion","Topic :: Multimedia :: Sound/Audio :: Editors","Topic :: Multimedia :: Sound/Audio :: MIDI","Topic :: Multimedia :: Sound/Audio :: Mixers","Topic :: Multimedia :: Sound/Audio :: Players","Topic :: Multimedia :: Sound/Audio :: Players :: MP3","Topic :: Multimedia :: Sound/Audio :: Sound Synthesis","Topic :: Multimedia :: Sound/Audio :: Speech","Topic :: Multimedia :: Video","Topic :: Multimedia :: Video :: Capture","Topic :: Multimedia :: Video :: Conversion","Topic :: Multimedia :: Video :: Display","Topic :: Multimedia :: Video :: Non-Linear Editor","Topic :: Office/Business","Topic :: Office/Business :: Financial","Topic :: Office/Business :: Financial :: Accounting","Topic :: Office/Business :: Financial :: Investment","Topic :: Office/Business :: Financial :: Point-Of-Sale","Topic :: Office/Business :: Financial :: Spreadsheet","Topic :: Office/Business :: Groupware","Topic :: Office/Business :: News/Diary","Topic :: Office/Business :: Office Suites","Topic :: Office/Business :: Scheduling","Topic :: Other/Nonlisted Topic","Topic :: Printing","Topic :: Religion","Topic :: Scientific/Engineering","Topic :: Scientific/Engineering :: Artificial Intelligence","Topic :: Scientific/Engineering :: Artificial Life","Topic :: Scientific/Engineering :: Astronomy","Topic :: Scientific/Engineering :: Atmospheric Science","Topic :: Scientific/Engineering :: Bio-Informatics","Topic :: Scientific/Engineering :: Chemistry","Topic :: Scientific/Engineering :: Electronic Design Automation (EDA)","Topic :: Scientific/Engineering :: GIS","Topic :: Scientific/Engineering :: Human Machine Interfaces","Topic :: Scientific/Engineering :: Hydrology","Topic :: Scientific/Engineering :: Image Processing","Topic :: Scientific/Engineering :: Image Recognition","Topic :: Scientific/Engineering :: Information Analysis","Topic :: Scientific/Engineering :: Instrument Drivers","Topic :: Scientific/Engineering :: Instrument Drivers :: IVI Conformant","Topic :: Scientific/Engineering :: Interface Engine/Protocol Translator","Topic :: Scientific/Engineering :: Mathematics","Topic :: Scientific/Engineering :: Medical Science Apps.","Topic :: Scientific/Engineering :: Oceanography","Topic :: Scientific/Engineering :: Physics","Topic :: Scientific/Engineering :: Quantum Computing","Topic :: Scientific/Engineering :: Visualization","Topic :: Security","Topic :: Security :: Cryptography","Topic :: Sociology","Topic :: Sociology :: Genealogy","Topic :: Sociology :: History","Topic :: Software Development","Topic :: Software Development :: Assemblers","Topic :: Software Development :: Bug Tracking","Topic :: Software Development :: Build Tools","Topic :: Software Development :: Code Generators","Topic :: Software Development :: Compilers","Topic :: Software Development :: Debuggers","Topic :: Software Development :: Disassemblers","Topic :: Software Development :: Documentation","Topic :: Software Development :: Embedded Systems","Topic :: Software Development :: Embedded Systems :: Controller Area Network (CAN)","Topic :: Software Development :: Embedded Systems :: Controller Area Network (CAN) :: CANopen","Topic :: Software Development :: Embedded Systems :: Controller Area Network (CAN) :: J1939","Topic :: Software Development :: Internationalization","Topic :: Software Development :: Interpreters","Topic :: Software Development :: Libraries","Topic :: Software Development :: Libraries :: Application Frameworks","Topic :: Software Development :: Libraries :: Java Libraries","Topic :: Software Development :: Libraries :: PHP Classes","Topic :: Software Development :: Libraries :: Perl Modules","Topic :: Software Development :: Libraries :: Pike Modules","Topic :: Software Development :: Libraries :: Python Modules","Topic :: Software Development :: Libraries :: Ruby Modules","Topic :: Software Development :: Libraries :: Tcl Extensions","Topic :: Software Development :: Libraries :: pygame","Topic :: Software Development :: Localization","Topic :: Software Development :: Object Brokering","Topic :: Software Development :: Object Brokering :: CORBA","Topic :: Software Development :: Pre-processors","Topic :: Software Development :: Quality Assurance","Topic :: Software Development :: Testing","Topic :: Software Development :: Testing :: Acceptance","Topic :: Software Development :: Testing :: BDD","Topic :: Software Development :: Testing :: Mocking","Topic :: Software Development :: Testing :: Traffic Generation","Topic :: Software Development :: Testing :: Unit","Topic :: Software Development :: User Interfaces","Topic :: Software Development :: Version Control","Topic :: Software Development :: Version Control :: Bazaar","Topic :: Software Development :: Version Control :: CVS","Topic :: Software Development :: Version Control :: Git","Topic :: Software Development :: Version Control :: Mercurial","Topic :: Software Development :: Version Control :: RCS","Topic :: Software Development :: Version Control :: SCCS","Topic :: Software Development :: Widget Sets","Topic :: System","Topic :: System :: Archiving","Topic :: System :: Archiving :: Backup","Topic :: System :: Archiving :: Compression","Topic :: System :: Archiving :: Mirroring","Topic :: System :: Archiving :: Packaging","Topic :: System :: Benchmark","Topic :: System :: Boot","Topic :: System :: Boot :: Init","Topic :: System :: Clustering","Topic :: System :: Console Fonts","Topic :: System :: Distributed Computing","Topic :: System :: Emulators","Topic :: System :: Filesystems","Topic :: System :: Hardware","Topic :: System :: Hardware :: Hardware Drivers","Topic :: System :: Hardware :: Mainframes","Topic :: System :: Hardware :: Symmetric Multi-processing","Topic :: System :: Hardware :: Universal Serial Bus (USB)","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Audio","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Audio/Video (AV)","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Communications Device Class (CDC)","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Diagnostic Device","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Hub","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Human Interface Device (HID)","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Mass Storage","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Miscellaneous","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Printer","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Smart Card","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Vendor","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Video (UVC)","Topic :: System :: Hardware :: Universal Serial Bus (USB) :: Wireless Controller","Topic :: System :: Installation/Setup","Topic :: System :: Logging","Topic :: System :: Monitoring","Topic :: System :: Networking","Topic :: System :: Networking :: Firewalls","Topic :: System :: Networking :: Monitoring","Topic :: System :: Networking :: Monitoring :: Hardware Watchdog","Topic :: System :: Networking :: Time Synchronization","Topic :: System :: Operating System","Topic :: System :: Operating System Kernels","Topic :: System :: Operating System Kernels :: BSD","Topic :: System :: Operating System Kernels :: GNU Hurd","Topic :: System :: Operating System Kernels :: Linux","Topic :: System :: Power (UPS)","Topic :: System :: Recovery Tools","Topic :: System :: Shells","Topic :: System :: Software Distribution","Topic :: System :: System Shells","Topic :: System :: Systems Administration","Topic :: System :: Systems Administration :: Authentication/Directory","Topic :: System :: Systems Administration :: Authentication/Directory :: LDAP","Topic :: System :: Systems Administration :: Authentication/Directory :: NIS","Topic :: Terminals","Topic :: Terminals :: Serial","Topic :: Terminals :: Telnet","Topic :: Terminals :: Terminal Emulators/X Terminals","Topic :: Text Editors","Topic :: Text Editors :: Documentation","Topic :: Text Editors :: Emacs","Topic :: Text Editors :: Integrated Development Environments (IDE)","Topic :: Text Editors :: Text Processing","Topic :: Text Editors :: Word Processors","Topic :: Text Processing","Topic :: Text Processing :: Filters","Topic :: Text Processing :: Fonts","Topic :: Text Processing :: General","Topic :: Text Processing :: Indexing","Topic :: Text Processing :: Linguistic","Topic :: Text Processing :: Markup","Topic :: Text Processing :: Markup :: HTML","Topic :: Text Processing :: Markup :: LaTeX","Topic :: Text Processing :: Markup :: Markdown","Topic :: Text Processing :: Markup :: SGML","Topic :: Text Processing :: Markup :: VRML","Topic :: Text Processing :: Markup :: XML","Topic :: Text Processing :: Markup :: reStructuredText","Topic :: Utilities","Typing :: Stubs Only","Typing :: Typed"],"io":{"Framework :: Django CMS :: 4.2":["Framework :: Django CMS :: 5.0"],"License :: OSI Approved :: Intel Open Source License":[],"License :: OSI Approved :: Jabber Open Source License":[],"License :: OSI Approved :: MITRE Collaborative Virtual Workspace License (CVW)":[],"License :: OSI Approved :: Sun Industry Standards Source License (SISSL)":[],"License :: OSI Approved :: X.Net License":[],"Natural Language :: Ukranian":["Natural Language :: Ukrainian"],"Topic :: Communications :: Chat :: AOL Instant Messenger":[]}}');
;// CONCATENATED MODULE: ./src/checks/classifiers.ts

// Generated by scripts/refresh-classifiers.py from the pinned trove-classifiers release; PyPI checks
// uploads against the release it runs, so a classifier added since may be refused until it updates.
const KNOWN = new Set(trove_classifiers_namespaceObject.bf);
const DEPRECATED = trove_classifiers_namespaceObject.io;
/** Which trove-classifiers release the lists come from, e.g. `trove-classifiers 2026.9.21.13`. */
const CLASSIFIERS_SOURCE = trove_classifiers_namespaceObject.sP;
/** Why PyPI would refuse this Classifier value, or undefined when it is accepted. */
function classifierProblem(classifier) {
    if (Object.hasOwn(DEPRECATED, classifier)) {
        const replacements = DEPRECATED[classifier];
        return replacements.length === 0
            ? `Classifier '${classifier}' is deprecated and has no replacement; PyPI refuses it.`
            : `Classifier '${classifier}' is deprecated; PyPI refuses it, use ${replacements.map((r) => `'${r}'`).join(' or ')} instead.`;
    }
    if (KNOWN.has(classifier))
        return undefined;
    // "Private ::" classifiers exist so that a project can never be uploaded by accident.
    if (classifier.startsWith('Private ::')) {
        return `Classifier '${classifier}' is a "Private ::" classifier, which PyPI refuses on purpose to block accidental uploads.`;
    }
    const close = closestClassifier(classifier);
    return `Classifier '${classifier}' is not a known trove classifier${close ? ` (did you mean '${close}'?)` : ''}; PyPI refuses it.`;
}
const squash = (value) => value.toLowerCase().replace(/\s+/g, '');
let bySquashed;
/** A known classifier that differs only in case or spacing, the usual typo: one lookup, not a scan of the list. */
function closestClassifier(classifier) {
    bySquashed ??= new Map([...KNOWN].reverse().map((known) => [squash(known), known]));
    return bySquashed.get(squash(classifier));
}

;// CONCATENATED MODULE: ./src/checks/metadata-syntax.ts
// The value syntaxes PyPI checks in core metadata: e-mail addresses (Warehouse runs the
// email-validator package on them), URLs (rfc3986, http/https only) and Description-Content-Type
// (packaging's rules). Each function returns why a value is refused, or undefined.
const ATEXT = "A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u{80}-\\u{10FFFF}";
const LOCAL_PART = new RegExp(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`, 'u');
const DOMAIN_CHARS = /^[A-Za-z0-9.\-\u{80}-\u{10FFFF}]+$/u;
// Domains that can never receive mail; email-validator refuses them (RFC 6761 and friends).
const SPECIAL_USE_DOMAINS = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];
/** Splits an Author-email/Maintainer-email value at the commas that separate addresses. */
function splitAddressList(value) {
    const entries = [];
    let current = '';
    let quoted = false;
    let angle = 0;
    let comment = 0;
    for (let i = 0; i < value.length; i++) {
        const char = value[i];
        if (quoted && char === '\\') {
            current += char + (value[++i] ?? '');
            continue;
        }
        if (quoted) {
            if (char === '"')
                quoted = false;
        }
        else if (char === '"')
            quoted = true;
        else if (char === '(')
            comment++;
        else if (char === ')' && comment > 0)
            comment--;
        else if (char === '<')
            angle++;
        else if (char === '>' && angle > 0)
            angle--;
        else if (char === ',' && angle === 0 && comment === 0) {
            entries.push(current);
            current = '';
            continue;
        }
        current += char;
    }
    entries.push(current);
    return entries
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map((text) => ({ text, address: addressOf(text) }));
}
function addressOf(entry) {
    // Python's parser also takes `Name <addr` without the closing bracket.
    const angled = /<([^<>]*)>?\s*(?:\([^()]*\)\s*)?$/.exec(entry);
    if (angled)
        return angled[1].trim();
    // A bare address may carry an RFC 822 comment, `jane@example.com (Jane Doe)`.
    return entry.replace(/\([^()]*\)/g, '').trim();
}
/**
 * Whether Python's strict `email.utils.parseaddr` gives up on a one-entry field (unbalanced
 * parentheses, brackets, a second @-sign), in which case Warehouse has no address to check.
 */
function unparsableByPython(entry) {
    let depth = 0;
    for (const char of entry.text.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
        if (char === '(')
            depth++;
        if (char === ')' && --depth < 0)
            return true;
    }
    return depth !== 0 || entry.address.includes('[') || /@.*@/.test(entry.address);
}
/** Why email-validator (as PyPI calls it: no display name, no quoting, no IP literals) refuses an address. */
function emailAddressProblem(address) {
    if (address.startsWith('"'))
        return 'a quoted part before the @-sign is not allowed';
    const at = address.indexOf('@');
    if (at < 0)
        return 'it has no @-sign';
    const local = address.slice(0, at);
    const domain = address.slice(at + 1);
    if (local === '')
        return 'there is nothing before the @-sign';
    if (!LOCAL_PART.test(local)) {
        if (local.startsWith('.'))
            return 'it cannot start with a period';
        if (local.endsWith('.'))
            return 'it cannot have a period right before the @-sign';
        if (local.includes('..'))
            return 'it cannot have two periods in a row';
        return `the part before the @-sign has invalid characters: ${invalidChars(local, /[.A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u{80}-\u{10FFFF}]/u)}`;
    }
    if (domain === '')
        return 'there is nothing after the @-sign';
    if (domain.startsWith('['))
        return 'a bracketed IP address after the @-sign is not allowed';
    if (!DOMAIN_CHARS.test(domain))
        return `the part after the @-sign has invalid characters: ${invalidChars(domain, /[A-Za-z0-9.\-\u{80}-\u{10FFFF}]/u)}`;
    if (domain.startsWith('.') || domain.startsWith('-'))
        return `it cannot have a ${domain.startsWith('.') ? 'period' : 'hyphen'} right after the @-sign`;
    if (domain.endsWith('.') || domain.endsWith('-'))
        return `it cannot end with a ${domain.endsWith('.') ? 'period' : 'hyphen'}`;
    if (domain.includes('..'))
        return 'it cannot have two periods in a row';
    if (/\.-|-\./.test(domain))
        return 'it cannot have a period and a hyphen next to each other';
    const labels = domain.split('.');
    if (labels.some((label) => /^(?!xn)..--/i.test(label)))
        return 'a domain label cannot start with two letters and two hyphens, except Punycode (xn--)';
    if (labels.some((label) => label.length > 63))
        return 'a domain label is longer than 63 characters';
    if (!domain.includes('.'))
        return 'the part after the @-sign has no period (it must be a full domain name)';
    const ascii = /^[\x00-\x7f]*$/.test(domain);
    if (ascii && !/[A-Za-z]$/.test(domain))
        return 'the part after the @-sign is not within a valid top-level domain';
    const lower = domain.toLowerCase();
    if (SPECIAL_USE_DOMAINS.some((special) => lower === special || lower.endsWith(`.${special}`))) {
        return `'${domain}' is a special-use domain that cannot receive e-mail`;
    }
    if (ascii && domain.length > 253)
        return 'the part after the @-sign is longer than 253 characters';
    if (Buffer.byteLength(address, 'utf8') > 254)
        return 'it is longer than 254 bytes';
    return undefined;
}
function invalidChars(text, allowed) {
    const bad = [...new Set([...text].filter((char) => !allowed.test(char)))];
    return bad
        .map((char) => char === ' '
        ? 'space'
        : /\p{L}|\p{N}|\p{P}|\p{S}/u.test(char)
            ? `'${char}'`
            : `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
        .join(', ');
}
// RFC 3986, appendix B.
const URL_PARTS = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^\\/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;
/** PyPI's URL rule (rfc3986 with http/https required; the host may be absent, so that is only warned about). */
function checkUrl(url) {
    const [, scheme, authority, path = '', query = ''] = URL_PARTS.exec(url) ?? [];
    if (!scheme)
        return { error: 'it has no scheme; PyPI accepts only absolute http:// or https:// URLs' };
    if (!['http', 'https'].includes(scheme.toLowerCase()))
        return { error: `its scheme is '${scheme}'; PyPI accepts only http and https` };
    // rfc3986 percent-encodes most stray characters before validating, but not brackets.
    if (/[[\]]/.test(path) || /[[\]]/.test(query))
        return { error: "'[' and ']' are only allowed in the host part; percent-encode them (%5B, %5D)" };
    const port = /:(\d+)$/.exec(authority ?? '')?.[1];
    if (port && Number(port) > 65535)
        return { error: `its port ${port} is above 65535` };
    if (!authority || /^(?:[^@]*@)?(?::\d*)?$/.test(authority))
        return { warning: 'it has no host, so it links nowhere' };
    return {};
}
const CONTENT_TYPES = ['text/plain', 'text/x-rst', 'text/markdown'];
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/** Why packaging (and so PyPI) refuses a Description-Content-Type value. */
function contentTypeProblem(value) {
    const parts = splitParameters(value);
    const type = parts[0].trim();
    if (!new RegExp(`^${TOKEN}/${TOKEN}$`).test(type) || !CONTENT_TYPES.includes(type.toLowerCase())) {
        return `the content type must be one of ${CONTENT_TYPES.join(', ')}`;
    }
    const seen = new Set();
    for (const part of parts.slice(1)) {
        if (part.trim() === '')
            continue;
        const match = new RegExp(`^\\s*(${TOKEN})\\s*=\\s*(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")\\s*$`).exec(part);
        if (!match)
            return `the parameter '${part.trim()}' is not of the form name=value`;
        const name = match[1].toLowerCase();
        const paramValue = match[2].replace(/^"(.*)"$/s, '$1').replace(/\\(.)/g, '$1');
        if (seen.has(name))
            return `the parameter '${name}' is given twice`;
        seen.add(name);
        if (name === 'charset' && paramValue.toLowerCase() !== 'utf-8')
            return `the charset must be UTF-8, not '${paramValue}'`;
        if (name === 'variant' && type.toLowerCase() === 'text/markdown' && !['GFM', 'CommonMark'].includes(paramValue)) {
            return `the Markdown variant must be GFM or CommonMark (spelled so), not '${paramValue}'`;
        }
    }
    return undefined;
}
function splitParameters(value) {
    const parts = [''];
    let quoted = false;
    for (let i = 0; i < value.length; i++) {
        const char = value[i];
        if (char === '\\' && quoted) {
            parts[parts.length - 1] = `${parts[parts.length - 1]}${char}${value[++i] ?? ''}`;
            continue;
        }
        if (char === '"')
            quoted = !quoted;
        else if (char === ';' && !quoted) {
            parts.push('');
            continue;
        }
        parts[parts.length - 1] = `${parts[parts.length - 1]}${char}`;
    }
    return parts;
}

;// CONCATENATED MODULE: ./src/checks/metadata/release-fields.ts
// The fields that describe the release: license, version, summary, classifiers and the description's type.





function checkLicense(metadata, report) {
    const license = value(metadata, 'License');
    const expression = value(metadata, 'License-Expression');
    if (license === undefined || expression === undefined)
        return;
    report(error('License', `License (${show(license)}) and License-Expression (${show(expression)}) are both set; PyPI refuses License when License-Expression is present (PEP 639).`, `Keep only the SPDX expression: in pyproject.toml write license = ${JSON.stringify(expression)} and remove license = { text/file = … } (and, with setuptools, any license= in setup.py/setup.cfg), then rebuild.`));
}
function checkVersion(metadata, report) {
    const version = value(metadata, 'Version');
    const local = version === undefined ? undefined : /\+(.*)$/.exec(normalizeVersion(version) ?? '')?.[1];
    if (local === undefined)
        return;
    report(error('Version', `Version ${show(version)} has a local version label (+${local}); PyPI refuses local versions.`, 'Build from a tagged commit, or tell your version tool to leave out the local part (setuptools-scm / hatch-vcs: local_scheme = "no-local-version"), then rebuild.'));
}
function checkSummary(metadata, report) {
    const summary = value(metadata, 'Summary');
    if (summary === undefined)
        return;
    const fix = 'Make [project] description in pyproject.toml (or description= in setup.py) one short line, then rebuild.';
    if (/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/.test(summary)) {
        report(error('Summary', `Summary ${show(summary)} contains a line break; PyPI requires a single line.`, fix));
    }
    const length = [...summary].length;
    if (length > 512)
        report(error('Summary', `Summary ${show(summary)} is ${length} characters long; PyPI allows at most 512.`, fix));
}
function checkClassifiers(metadata, report) {
    for (const classifier of new Set(getFields(metadata, 'Classifier'))) {
        const problem = classifierProblem(classifier);
        if (!problem)
            continue;
        report(error('Classifier', problem, problem.includes('deprecated')
            ? 'Replace or remove it in [project] classifiers (pyproject.toml), then rebuild.'
            : `Correct or remove it in [project] classifiers (pyproject.toml); the accepted list is at https://pypi.org/classifiers/ (this check uses ${CLASSIFIERS_SOURCE}). Then rebuild.`));
    }
}
function checkContentType(metadata, report) {
    const contentType = value(metadata, 'Description-Content-Type');
    if (contentType !== undefined) {
        const problem = contentTypeProblem(contentType);
        if (problem) {
            report(error('Description-Content-Type', `Description-Content-Type ${show(contentType)} is not accepted: ${problem}.`, 'Use text/markdown, text/x-rst or text/plain (pyproject.toml: readme = "README.md" sets text/markdown), then rebuild.'));
        }
        return;
    }
    const description = descriptionOf(metadata).text ?? '';
    if (['', 'UNKNOWN'].includes(description.trim()))
        return;
    report(warning('Description-Content-Type', 'Description-Content-Type is missing, so PyPI renders the description as reStructuredText (and refuses the upload if it does not render).', 'Declare the README\'s format: pyproject.toml readme = "README.md" (or "README.rst"), or long_description_content_type= in setup.py; then rebuild.'));
}

;// CONCATENATED MODULE: ./src/checks/metadata/url-and-email-fields.ts
// Home-page, Download-URL, Project-URL and the Author/Maintainer e-mail addresses.



function checkUrls(metadata, report) {
    for (const field of ['Home-page', 'Download-URL']) {
        const url = value(metadata, field);
        if (url === undefined)
            continue;
        const { error: refused, warning: doubtful } = checkUrl(url);
        const fix = `Use a full http(s) URL in [project.urls] (pyproject.toml) or ${field === 'Home-page' ? 'url=' : 'download_url='} in setup.py, then rebuild.`;
        if (refused)
            report(error(field, `${field} ${show(url)} is not a valid URL: ${refused}.`, fix));
        else if (doubtful)
            report(warning(field, `${field} ${show(url)}: ${doubtful}.`, fix));
    }
    const labels = new Set();
    for (const entry of getFields(metadata, 'Project-URL')) {
        const comma = entry.indexOf(',');
        const label = (comma < 0 ? entry : entry.slice(0, comma)).trim();
        const url = comma < 0 ? '' : entry.slice(comma + 1).trim();
        const fix = 'Fix the entry in [project.urls] (pyproject.toml): `Label = "https://…"`, with a label of at most 32 characters; then rebuild.';
        if (labels.has(label)) {
            report(error('Project-URL', `Project-URL label ${show(label)} is used twice; packaging refuses repeated labels.`, fix));
            continue;
        }
        labels.add(label);
        if (label === '')
            report(error('Project-URL', `Project-URL ${show(entry)} has no label; PyPI requires 'Label, URL'.`, fix));
        else if ([...label].length > 32) {
            report(error('Project-URL', `Project-URL label ${show(label)} is ${[...label].length} characters long; PyPI allows at most 32.`, fix));
        }
        else if (url === '')
            report(error('Project-URL', `Project-URL ${show(label)} has no URL; PyPI requires 'Label, URL'.`, fix));
        else {
            const { error: refused, warning: doubtful } = checkUrl(url);
            if (refused)
                report(error('Project-URL', `Project-URL ${show(label)} has ${show(url)}, which is not a valid URL: ${refused}.`, fix));
            else if (doubtful)
                report(warning('Project-URL', `Project-URL ${show(label)} has ${show(url)}: ${doubtful}.`, fix));
        }
    }
}
function checkEmails(metadata, report) {
    for (const field of ['Author-email', 'Maintainer-email']) {
        const text = value(metadata, field);
        if (text === undefined)
            continue;
        const entries = splitAddressList(text);
        const who = field === 'Author-email' ? 'authors' : 'maintainers';
        const fix = `Fix the address in [project] ${who} (pyproject.toml: { name = "…", email = "someone@example.org" }), then rebuild.`;
        for (const entry of entries) {
            const problem = emailAddressProblem(entry.address);
            if (!problem)
                continue;
            // Warehouse validates the field only when Python's strict parseaddr finds exactly one address in
            // it: a list passes unchecked, and so does a value that parser gives up on.
            if (entries.length > 1) {
                report(warning(field, `${field} lists ${show(entry.text)}, which is not a valid e-mail address: ${problem} (PyPI does not check addresses in a list).`, fix));
            }
            else if (unparsableByPython(entry)) {
                report(warning(field, `${field} ${show(entry.text)} is not a valid e-mail address: ${problem} (PyPI's address parser gives up on it, so PyPI lets it through).`, fix));
            }
            else {
                report(error(field, `${field} ${show(entry.text)} is not a valid e-mail address: ${problem}.`, fix));
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/metadata-checks.ts




/**
 * The metadata rules PyPI enforces on upload beyond the required fields (which checkMetadata in
 * metadata.ts covers): Warehouse's forklift/metadata.py on top of packaging's validation.
 */
function checkMetadataFields(metadata) {
    const problems = [];
    const report = (problem) => problems.push(problem);
    for (const check of [
        checkRepeats,
        checkLicense,
        checkVersion,
        checkSummary,
        checkClassifiers,
        checkUrls,
        checkEmails,
        checkRequirements,
        checkRequiresPython,
        checkExtras,
        checkDynamic,
        checkContentType,
    ]) {
        check(metadata, report);
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/checks/platform-tags.ts
// PyPI's allow-list of wheel platform tags, as in Warehouse's warehouse/forklift/legacy.py
// (`_valid_platform_tag`), read from the copy of 2026-08-21 (commit 6b62157). Warehouse adds a
// platform only with an ABI spec behind it: a plain `linux_x86_64` says nothing about the C library
// the wheel needs, so it is refused while manylinux/musllinux tags are accepted.
const STATIC_TAGS = new Set([
    'any',
    'win32',
    'win_arm64',
    'win_amd64',
    'win_ia64',
    'manylinux1_x86_64',
    'manylinux1_i686',
    'manylinux2010_x86_64',
    'manylinux2010_i686',
    'manylinux2014_x86_64',
    'manylinux2014_i686',
    'manylinux2014_aarch64',
    'manylinux2014_armv7l',
    'manylinux2014_ppc64',
    'manylinux2014_ppc64le',
    'manylinux2014_s390x',
    // The only plain linux tags accepted (pypi/warehouse#2010, #2012), no ABI spec behind them.
    'linux_armv6l',
    'linux_armv7l',
]);
const MACOSX_ARCHES = new Set([
    'ppc',
    'ppc64',
    'i386',
    'x86_64',
    'arm64',
    'intel',
    'fat',
    'fat3',
    'fat64',
    'universal',
    'universal2',
]);
// macOS 10.x tags carry the minor version; from 11 on only `{major}_0` is accepted.
const MACOSX_MAJORS_SINCE_11 = new Set(['11', '12', '13', '14', '15', '26']);
const LINUX_ARCHES = ['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64le', 's390x', 'riscv64'];
const MANYLINUX_ARCHES = new Set([...LINUX_ARCHES, 'ppc64']);
const MUSLLINUX_ARCHES = new Set(LINUX_ARCHES);
const IOS_ARCHES = new Set(['arm64', 'x86_64']);
const ANDROID_ARCHES = new Set(['armeabi_v7a', 'arm64_v8a', 'x86', 'x86_64']);
// Warehouse uses Python's re.match: anchored at the start only, so nothing here ends in `$`.
const MACOSX = /^macosx_(?<major>\d+)_(?<minor>\d+)_(?<arch>.*)/;
const PEP600_LINUX = /^(?<libc>many|musl)linux_\d+_\d+_(?<arch>.*)/;
const IOS = /^ios_\d+_\d+_(?<arch>.*)_(?:iphoneos|iphonesimulator)/;
const ANDROID = /^android_\d+_(?<arch>.*)/;
const PYEMSCRIPTEN = /^pyemscripten_\d+_\d+_wasm32/;
/** Whether PyPI accepts a wheel with this platform tag (one tag: split compressed tag sets on `.` first). */
function isAcceptedPlatformTag(tag) {
    if (STATIC_TAGS.has(tag))
        return true;
    const macosx = MACOSX.exec(tag)?.groups;
    if (macosx && MACOSX_ARCHES.has(macosx.arch)) {
        if (macosx.major === '10')
            return true;
        if (MACOSX_MAJORS_SINCE_11.has(macosx.major) && macosx.minor === '0')
            return true;
    }
    const linux = PEP600_LINUX.exec(tag)?.groups;
    if (linux)
        return (linux.libc === 'musl' ? MUSLLINUX_ARCHES : MANYLINUX_ARCHES).has(linux.arch);
    const ios = IOS.exec(tag)?.groups;
    if (ios && IOS_ARCHES.has(ios.arch))
        return true;
    const android = ANDROID.exec(tag)?.groups;
    if (android && ANDROID_ARCHES.has(android.arch))
        return true;
    return PYEMSCRIPTEN.test(tag);
}

// EXTERNAL MODULE: ./src/common/markdown.ts
var markdown = __webpack_require__(3932);
;// CONCATENATED MODULE: ./src/checks/rst/text.ts
// Python's whitespace (str.isspace, re's \s), not JavaScript's: U+FEFF is not in it, U+001C-U+001F and U+0085 are.
const SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACES = new RegExp(`[${SPACE}]+`, 'u');
const LEADING = new RegExp(`^[${SPACE}]+`, 'u');
const SPACE_CHAR = new RegExp(`[${SPACE}]`, 'u');
/** Linear: a `[\\s]+$` regex retries from every space of a long run that does not end the line. */
const rstrip = (text) => {
    let end = text.length;
    while (end > 0 && SPACE_CHAR.test(text[end - 1]))
        end--;
    return end === text.length ? text : text.slice(0, end);
};
const strip = (text) => rstrip(text).replace(LEADING, '');
/** docutils' simplename: alphanumerics with single inner - . _ + : */
const SIMPLENAME = '[\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*';
/** docutils' escape2null: a backslash and the character it escapes become NUL and that character. */
const escapeToNull = (text) => text.replace(/\\([\s\S]?)/g, '\0$1');
const text_unescape = (text) => text.replace(/\0[ \n]?/g, '');
const text_normalizeName = (name) => name.split(SPACES).filter(Boolean).join(' ').toLowerCase();
/** A name reduced to letters and digits: the loose key under which targets and references are matched. */
const text_squash = (name) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const joined = (lines) => lines.map((l) => l.text).join('\n');

;// CONCATENATED MODULE: ./src/checks/rst/block-context.ts

const indented = (line) => line?.text[0] === ' ';
function problem(ctx, line, message, fix) {
    ctx.facts.problems.push({ line, message, fix });
}
function unindented(ctx, line, what, fix = `insert a blank line before this line, or indent it to continue the ${what}`) {
    problem(ctx, line.n, `this line ends the ${what} above it without a blank line in between`, fix);
}
/** docutils' get_indented: blank or indented lines from `start`, dedented, and whether they end blank. */
function indentedBlock(ls, start, opts = {}) {
    const { block, untilBlank } = opts;
    const first = opts.first ?? block;
    let [end, indent, blankFinish] = [first === undefined ? start : start + 1, block, true];
    for (; end < ls.length; end++) {
        const t = ls[end].text;
        if (t && (!t.startsWith(' ') || (block !== undefined && strip(t.slice(0, block))))) {
            blankFinish = end > start && !ls[end - 1].text;
            break;
        }
        if (!t && untilBlank)
            break;
        if (t && block === undefined)
            indent = Math.min(indent ?? Infinity, t.length - strip(t).length);
    }
    const lines = ls
        .slice(start, end)
        .map((l, k) => ({ n: l.n, text: l.text.slice(k === 0 && first !== undefined ? first : (indent ?? 0)) }));
    return { end, blankFinish, lines };
}
/** Items of one list-like construct while `item` continues it; warns when the last ends without a blank line. */
function list(ls, i, ctx, what, item) {
    let last = { end: i, blankFinish: true };
    for (let next = item(i); next; next = item(last.end))
        last = next;
    if (!last.blankFinish && last.end < ls.length)
        unindented(ctx, ls[last.end], what);
    return last.end;
}
/** A construct this checker does not model: skipped up to a blank line and the indented lines after it. */
function skip(ls, i, ctx) {
    let j = i;
    while (ls[j]?.text)
        j++;
    while (j < ls.length && (!ls[j].text || indented(ls[j])))
        j++;
    ctx.facts.skipped.push(joined(ls.slice(i, j)));
    return j;
}

;// CONCATENATED MODULE: ./src/checks/rst/block-markers.ts
// How the first line of a block says what the block is (docutils' Body state patterns).

/** A field-list marker, which is also how a directive option starts. */
const FIELD = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;
const BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const ENUM = '[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#';
const ENUMERATOR = new RegExp(`^(?:\\((?<p>${ENUM})\\)|(?<r>${ENUM})\\)|(?<d>${ENUM})\\.)(?: +|$)`);
const OPTION_ARG = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
const OPTION = `(?:[-+][a-zA-Z0-9](?: ?${OPTION_ARG})?|(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${OPTION_ARG})?)`;
const OPTION_MARKER = new RegExp(`^${OPTION}(?:, ${OPTION})*(?:  +| ?$)`);
const [DOCTEST, LINE_BLOCK, EXPLICIT, ANONYMOUS] = [/^>>>( +|$)/, /^\|( +|$)/, /^\.\.( +|$)/, /^__( +|$)/];
// Written so that no long line of = or - with a stray character at the end makes them backtrack.
const [GRID_TABLE, SIMPLE_TABLE, TABLE_BORDER] = [/^\+-[-+]+-\+ *$/, /^=+(?: +=+)+ *$/, /^=[ =]*$/];
const PUNCTUATION_LINE = /^([!-/:-@[-`{-~])\1* *$/;
const SPECIAL = [
    BULLET,
    ENUMERATOR,
    FIELD,
    OPTION_MARKER,
    DOCTEST,
    LINE_BLOCK,
    GRID_TABLE,
    SIMPLE_TABLE,
    EXPLICIT,
    ANONYMOUS,
    PUNCTUATION_LINE,
];
const FOOTNOTE = new RegExp(`^\\.\\. +\\[([0-9]+|#|#${SIMPLENAME}|\\*|${SIMPLENAME})\\]( +|$)`, 'u');
const DIRECTIVE = new RegExp(`^\\.\\. +(${SIMPLENAME}) ?::( +|$)`, 'u');

;// CONCATENATED MODULE: ./src/checks/rst/budget.ts
/** Thrown when a check runs past its budget (see withRstBudget); the message says which. */
class RstBudgetExceeded extends Error {
}
let deadline = Infinity;
/** More than a user can act on in one run: the check stops collecting. */
const MAX_RST_PROBLEMS = 1000;
/** Called in every loop of the checker that a crafted text could make long. */
function checkBudget(facts) {
    if (facts.problems.length >= MAX_RST_PROBLEMS)
        throw new RstBudgetExceeded(`the check stopped after ${MAX_RST_PROBLEMS} problems`);
    if (Date.now() > deadline)
        throw new RstBudgetExceeded('time budget exceeded');
}
/** Runs `check` with a deadline `ms` from now; checkBudget throws RstBudgetExceeded after it. */
function withRstBudget(ms, check) {
    const previous = deadline;
    deadline = Date.now() + ms;
    try {
        return check();
    }
    finally {
        deadline = previous;
    }
}

;// CONCATENATED MODULE: ./src/checks/rst/directives.ts
// Directives: the ones plain docutils knows, their signatures (arguments, content, options), and the
// checks docutils makes before it runs one.


// Directive signatures from docutils: required and optional arguments, whether the last argument may
// hold spaces, content (0 none, 1 allowed, 2 required), then the option names.
const ADMONITION = '0 0 1 2 class name';
const CODE = '0 1 0 2 class name number-lines';
const SPECS = {
    attention: ADMONITION,
    caution: ADMONITION,
    danger: ADMONITION,
    error: ADMONITION,
    hint: ADMONITION,
    important: ADMONITION,
    note: ADMONITION,
    tip: ADMONITION,
    warning: ADMONITION,
    admonition: '1 0 1 2 class name',
    sidebar: '0 1 1 2 class name subtitle',
    topic: '1 0 1 2 class name',
    'line-block': '0 0 0 2 class name',
    'parsed-literal': '0 0 0 2 class name',
    code: CODE,
    'code-block': CODE,
    sourcecode: CODE,
    math: '0 0 0 2 class name',
    rubric: '1 0 1 0 class name',
    epigraph: '0 0 0 2',
    highlights: '0 0 0 2',
    'pull-quote': '0 0 0 2',
    compound: '0 0 0 2 class name',
    container: '0 1 1 2 name',
    table: '0 1 1 2 align class name width widths',
    'csv-table': '0 1 1 2 align class delim encoding escape file header header-rows keepspace name quote stub-columns url width widths',
    'list-table': '0 1 1 2 align class header-rows name stub-columns width widths',
    meta: '0 0 0 2',
    image: '1 0 1 0 align alt class height loading name scale target width',
    figure: '1 0 1 1 align alt class figclass figname figwidth height loading name scale target width',
    include: '1 0 1 0',
    raw: '1 0 1 2 class encoding file url',
    replace: '0 0 0 2',
    unicode: '1 0 1 0 ltrim rtrim trim',
    date: '0 0 0 1',
    class: '1 0 1 1',
    'rst-class': '1 0 1 1',
    role: '0 0 0 1',
    'default-role': '0 1 0 0',
    title: '1 0 1 0',
    contents: '0 1 1 0 backlinks class depth local',
    sectnum: '0 0 0 0 depth prefix start suffix',
    'section-numbering': '0 0 0 0 depth prefix start suffix',
    header: '0 0 0 2',
    footer: '0 0 0 2',
    'target-notes': '0 0 0 0 class',
    'restructuredtext-test-directive': '0 1 1 1 option',
};
const BODY_CONTENT = new Set(('attention caution danger error hint important note tip warning admonition topic sidebar container ' +
    'compound epigraph highlights pull-quote class rst-class header footer figure table list-table').split(' '));
const UNPARSED_CONTENT = new Set('code code-block sourcecode math raw include role default-role unicode date'.split(' '));
const SUBSTITUTION_DIRECTIVES = new Set(['image', 'replace', 'unicode', 'date']);
const SPHINX_FIXES = {
    highlight: "remove it and give the language on each '.. code-block:: <language>'",
    literalinclude: "paste the code into a '.. code-block::' (PyPI cannot read other files)",
    toctree: 'remove it: a package description is a single page',
    versionadded: "use a '.. note::' instead",
    versionchanged: "use a '.. note::' instead",
    deprecated: "use a '.. warning::' instead",
    seealso: "use a '.. note::' instead",
};
/**
 * docutils' parse_directive_block and the checks each directive's run() starts with. `block` is the text
 * after '::' and the indented lines under it. Returns false if a check fails, else the content lines
 * docutils parses as body elements (none for code, tables and the like).
 */
function checkDirective(type, block, line, facts, substitution) {
    const name = type.toLowerCase();
    const spec = SPECS[name];
    const fail = (message, fix) => (facts.problems.push({ line, message, fix }), false);
    if (!spec) {
        return fail(`'.. ${type}::' is not a directive docutils knows (PyPI renders with plain docutils, without Sphinx directives)`, SPHINX_FIXES[name] ?? 'remove it, or use a docutils directive such as code-block, note, warning, image or figure');
    }
    if (name === 'raw' || name === 'include') {
        return fail(`the '${name}' directive is disabled on PyPI`, name === 'raw'
            ? 'write the content in reStructuredText instead of raw HTML'
            : 'paste the included text into the description');
    }
    const [required, optional, spaces, contentRule] = spec.split(' ', 4).map(Number);
    const options = spec.split(' ').slice(4);
    let lines = block.slice(strip(block[0]?.text ?? '') ? 0 : 1);
    while (lines.length && !lines.at(-1).text)
        lines = lines.slice(0, -1);
    let split = lines.findIndex((l) => !l.text);
    if (split < 0)
        split = lines.length;
    let [args, content] = lines.length && (required || optional || options.length)
        ? [lines.slice(0, split), lines.slice(split + 1)]
        : [[], lines];
    const field = options.length ? args.findIndex((l) => FIELD.test(l.text)) : -1;
    const given = field < 0 ? [] : args.slice(field);
    if (field >= 0)
        args = args.slice(0, field);
    if (args.length && !(required || optional))
        [args, content] = [[], args.concat(lines.slice(split))];
    while (content[0] && !content[0].text)
        content = content.slice(1);
    facts.skipped.push(joined(args));
    const seen = new Set();
    for (const option of given.filter((l) => !l.text.startsWith(' '))) {
        const m = FIELD.exec(option.text);
        const key = m ? strip(m[0].slice(1, m[0].lastIndexOf(':'))).toLowerCase() : '';
        if (!m)
            return fail(`the line '${option.text}' among the options of '.. ${type}::' is not an option`, 'indent it under the option it continues, or put a blank line before the content');
        // Option names go through inline markup (`:target_:` reads as "target"): judge plain words only.
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key))
            continue;
        if (!options.includes(key)) {
            return fail(`'.. ${type}::' has no option ':${key}:'`, `remove it; docutils allows ${options.map((o) => `:${o}:`).join(' ') || 'no options here'}` +
                (spec === CODE ? ' (Sphinx options such as :caption: or :linenos: do not exist here)' : ''));
        }
        if (seen.has(key))
            return fail(`'.. ${type}::' has the option ':${key}:' twice`, 'keep only one of them');
        if (name === 'csv-table' && (key === 'file' || key === 'url'))
            return fail(`the ':${key}:' option of '.. csv-table::' is disabled on PyPI`, 'put the rows in the directive itself');
        seen.add(key);
        if (key === 'name') {
            facts.explicitTargets.push({ name: text_normalizeName(option.text.slice(m[0].length)), line: option.n });
            facts.names.add(text_squash(option.text.slice(m[0].length)));
        }
    }
    const words = joined(args).split(SPACES).filter(Boolean).length;
    if (words < required)
        return fail(`'.. ${type}::' needs an argument after the '::'`, `write it on the same line, e.g. '.. ${type}:: ${/^(image|figure)$/.test(name) ? 'https://…/picture.png' : '…'}'`);
    if (words > required + optional && !spaces) {
        return fail(`'.. ${type}::' is given ${words} arguments, at most ${required + optional} allowed`, 'put a blank line between the directive (with its options) and its content');
    }
    if (content.length && !contentRule)
        return fail(`'.. ${type}::' takes no content, but indented text follows it`, 'remove the indented text or its indentation');
    if (!substitution && SUBSTITUTION_DIRECTIVES.has(name) && name !== 'image') {
        return fail(`'.. ${type}::' only works inside a substitution definition`, `write it as '.. |name| ${name}:: …' and use |name| in the text`);
    }
    if (!content.length && contentRule === 2)
        return fail(`'.. ${type}::' has no content`, 'indent its content under it, after a blank line');
    if (BODY_CONTENT.has(name))
        return content;
    if (!UNPARSED_CONTENT.has(name))
        facts.skipped.push(joined(content));
    return [];
}

;// CONCATENATED MODULE: ./src/checks/rst/enumerators.ts
// Enumerated list markers (1. a) (iv) #.): their sequence, ordinal, and whether the next line continues the list.

const SEQUENCES = [
    ['arabic', /^[0-9]+$/],
    ['loweralpha', /^[a-z]$/],
    ['upperalpha', /^[A-Z]$/],
    ['lowerroman', /^[ivxlcdm]+$/],
    ['upperroman', /^[IVXLCDM]+$/],
];
const ROMAN = [
    ['M', 1000],
    ['CM', 900],
    ['D', 500],
    ['CD', 400],
    ['C', 100],
    ['XC', 90],
    ['L', 50],
    ['XL', 40],
    ['X', 10],
    ['IX', 9],
    ['V', 5],
    ['IV', 4],
    ['I', 1],
];
/** docutils' parse_enumerator: `expected` is the sequence of the list being continued. */
function enumerator(text, expected) {
    const m = ENUMERATOR.exec(text ?? '');
    if (!m)
        return undefined;
    const value = (m.groups.p ?? m.groups.r ?? m.groups.d);
    const format = m.groups.p !== undefined ? '()' : m.groups.r !== undefined ? ')' : '.';
    const sequence = value === '#'
        ? '#'
        : expected && SEQUENCES.find(([s]) => s === expected)[1].test(value)
            ? expected
            : !expected && /^[iI]$/.test(value)
                ? value === 'i'
                    ? 'lowerroman'
                    : 'upperroman'
                : SEQUENCES.find(([, re]) => re.test(value))[0];
    let ordinal = sequence === '#' ? 1 : sequence === 'arabic' ? Number(value) : value.toLowerCase().charCodeAt(0) - 96;
    if (sequence.endsWith('roman')) {
        let rest = value.toUpperCase();
        ordinal = 0;
        for (const [digits, worth] of ROMAN)
            for (; rest.startsWith(digits); rest = rest.slice(digits.length))
                ordinal += worth;
        if (ordinal > 4999 || roman(ordinal) !== value.toUpperCase())
            ordinal = undefined;
    }
    return { length: m[0].length, format, sequence, ordinal };
}
function roman(n) {
    let out = '';
    for (const [digits, worth] of ROMAN)
        for (; n >= worth; n -= worth)
            out += digits;
    return out;
}
/** docutils' is_enumerated_list_item: the next line is blank, indented, or starts with the next enumerator. */
function isItem(ls, k, e) {
    const next = ls[k + 1]?.text;
    if (e.ordinal === undefined)
        return false;
    if (!next || next.startsWith(' '))
        return true;
    const n = e.ordinal + 1;
    const value = e.sequence === '#'
        ? '#'
        : e.sequence === 'arabic'
            ? String(n)
            : e.sequence.endsWith('alpha')
                ? n > 26
                    ? ''
                    : String.fromCharCode(96 + n)
                : roman(n);
    const [open, close] = e.format === '()' ? ['(', ')'] : ['', e.format];
    const cased = e.sequence.startsWith('upper') ? value.toUpperCase() : value.toLowerCase();
    return value !== '' && (next.startsWith(`${open}${cased}${close} `) || next.startsWith(`${open}#${close} `));
}

;// CONCATENATED MODULE: ./src/checks/rst/roles.ts

const ROLES = new Set(('abbreviation ab acronym ac code emphasis literal math pep-reference pep rfc-reference rfc ' +
    'strong subscript sub superscript sup title-reference title t').split(' '));
// Registered by docutils, but every use is an error.
const UNIMPLEMENTED_ROLES = new Set(('index i anonymous-reference citation-reference footnote-reference named-reference ' +
    'substitution-reference uri-reference uri url target restructuredtext-unimplemented-role').split(' '));
function checkRole(role, text, line, facts) {
    const name = role.toLowerCase();
    const problem = (message, fix) => facts.problems.push({ line, message, fix });
    if (facts.customRoles.has(name))
        return;
    if (!name || ROLES.has(name)) {
        const kind = /^pep(-reference)?$/.test(name) ? 'PEP' : /^rfc(-reference)?$/.test(name) ? 'RFC' : '';
        const number = strip(kind === 'RFC' ? text.split('#')[0] : text);
        const value = Number(number);
        if (kind && !/^[+-]?[\p{Nd}_]+$/u.test(number))
            problem(`':${role}:\`${text}\`' needs a ${kind} number`, `write the number only, e.g. :${role}:\`8\``);
        else if (kind && /^[+-]?[0-9]+$/.test(number) && (kind === 'PEP' ? value < 0 || value > 9999 : value < 1)) {
            problem(`':${role}:\`${text}\`' is not a valid ${kind} number`, kind === 'PEP' ? 'give a PEP number from 0 to 9999' : 'give an RFC number of 1 or more');
        }
    }
    else if (name === 'raw')
        problem("the ':raw:' role is disabled on PyPI", 'write the content as reStructuredText instead of raw HTML');
    else if (UNIMPLEMENTED_ROLES.has(name))
        problem(`the role ':${role}:' exists in docutils but is not implemented`, 'remove the role and keep the text');
    else {
        problem(`':${role}:' is not a role docutils knows (PyPI renders with plain docutils, without Sphinx roles such as :ref:, :doc: or :class:)`, 'use ``literal`` text, a link such as `text <https://…>`_, or define the role with `.. role::`');
    }
}

;// CONCATENATED MODULE: ./src/checks/rst/inline-markup.ts
// Inline markup as docutils' Inliner recognises it (docutils/parsers/rst/states.py): emphasis, literals,
// interpreted text, inline targets, references and substitution references.



// docutils' punctuation classes (utils/punctuation_chars.py), built from Unicode 5.2 categories: the
// current categories minus what was added or moved since. The only ASCII delimiters are - / : so
// `word*` or `x.*y*` never start markup.
const OPENER = `(?![\\u2308\\u230a\\u2e42\\u2e55\\u2e57\\u2e59\\u2e5b\\ufd3f])["'<\\ufd3e\\p{Ps}\\p{Pi}\\p{Pf}]`;
const CLOSER = `(?![\\u2309\\u230b\\u2e56\\u2e58\\u2e5a\\u2e5c\\ufd3e])["'>\\u201a\\u201e\\ufd3f\\p{Pe}\\p{Pi}\\p{Pf}]`;
const DELIMITER = '(?![\\u061d\\u085e\\u09fd\\u0a76\\u0af0\\u0c77\\u0c84\\u0f14\\u0fd9\\u0fda\\u1360\\u1b4e\\u1b4f\\u1b7d-\\u1b7f\\u1bfc-\\u1bff' +
    '\\u1cc0-\\u1cc7\\u2d70\\u2e32-\\u2e41\\u2e43-\\u2e4f\\u2e52-\\u2e54\\u2e5d\\ua8fc\\uaaf0\\uaaf1\\u{10d6e}\\u{10ead}])' +
    '(?:[-/:\\u00a1\\u00b7\\u00bf\\u166d\\u19de\\u19df\\p{Pd}\\u{10100}\\u{10101}\\u{1039f}\\u{103d0}\\u{10857}\\u{1091f}\\u{1093f}\\u{10a50}-\\u{10a58}' +
    '\\u{10a7f}\\u{10b39}-\\u{10b3f}\\u{110bb}\\u{110bc}\\u{110be}-\\u{110c1}\\u{12470}-\\u{12473}]|(?=\\p{Po})[\\u0100-\\uffff])';
const PREFIX = `(?:^|(?<=[${SPACE}]|${OPENER}|${DELIMITER}))`;
const SUFFIX = `(?=$|[${SPACE}\\0\\\\.,;!?]|${DELIMITER}|${CLOSER})`;
const INITIAL = new RegExp(`${PREFIX}(?:(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))(?![${SPACE}])` +
    `|(?<whole>(?<refname>${SIMPLENAME})(?<refend>__?)|\\[(?<label>[0-9]+|#(?:${SIMPLENAME})?|\\*|${SIMPLENAME})\\]_)${SUFFIX}` +
    `|(?<role>(?::${SIMPLENAME}:)?)(?<backquote>\`(?!\`))(?![${SPACE}]))`, 'u');
const END = {
    '**': new RegExp(`(?<![${SPACE}\\0])(\\*\\*)${SUFFIX}`, 'u'),
    '*': new RegExp(`(?<![${SPACE}\\0])(\\*)${SUFFIX}`, 'u'),
    '``': new RegExp(`(?<![${SPACE}])(\`\`)${SUFFIX}`, 'u'),
    '_`': new RegExp(`(?<![${SPACE}\\0])(\`)${SUFFIX}`, 'u'),
    '|': new RegExp(`(?<![${SPACE}\\0])(\\|_{0,2})${SUFFIX}`, 'u'),
};
const END_INTERPRETED = new RegExp(`(?<!(?<!\\0)[${SPACE}\\0])(\`(?<role>:${SIMPLENAME}:)?(?<refend>__?)?)${SUFFIX}`, 'u');
const EMBEDDED = new RegExp(`(?:[ \\n]+|^)<(?![${SPACE}])((?:[^<>]|\\0[<>])+)(?<![${SPACE}\\0])>$`, 'u');
const KIND = {
    '**': 'strong emphasis',
    '*': 'emphasis',
    '``': 'an inline literal',
    '_`': 'an inline target',
    '|': 'a substitution reference',
};
// docutils' match_chars: an opener pairs with the next code point, or with these closers (the quote
// pairs of various languages included).
const PAIRS = {
    '"': '"',
    "'": "'",
    '<': '>',
    '[': ']',
    '{': '}',
    '\uff3b': '\uff3d',
    '\uff5b': '\uff5d',
    '«': '»',
    '»': '«»',
    '‘': '’‚',
    '’': '‘’',
    '‚': '‛‘’',
    '“': '”„',
    '”': '“”',
    '„': '‟“”',
    '›': '‹›',
    '‛': '‚',
    '‟': '„',
    '\u2e03': '\u2e02',
    '\u2e05': '\u2e04',
    '\u2e0a': '\u2e09',
    '\u2e0d': '\u2e0c',
    '\u2e1d': '\u2e1c',
    '\u2e21': '\u2e20',
};
const IS_OPENER = new RegExp(`^${OPENER}$`, 'u');
/** A start-string between an opener and its closer, like `(*)` or `'*'`, is plain text (rule 5). */
function quotedStart(text, start, end) {
    if (start === 0)
        return false;
    if (end >= text.length)
        return true;
    const before = [...text.slice(Math.max(0, start - 2), start)].pop();
    const after = String.fromCodePoint(text.codePointAt(end));
    return (IS_OPENER.test(before) && (PAIRS[before]?.includes(after) ?? after.codePointAt(0) === before.codePointAt(0) + 1));
}
/** Scans one text block that docutils parses for inline markup; `lines[k]` is the source line of its k-th line. */
function scanInline(text, lines, facts) {
    let [rest, base, row] = [escapeToNull(text), 0, 0];
    const breaks = [...text.matchAll(/\n/g)].map((m) => m.index);
    // Offsets only grow during the scan, so the line is found by moving forward.
    const lineAt = (at) => {
        while (row < breaks.length && breaks[row] < base + at)
            row++;
        return lines[Math.min(row, lines.length - 1)];
    };
    const problem = (at, message, fix) => facts.problems.push({ line: lineAt(at), message, fix });
    const reference = (at, name, source) => facts.references.push({ name: text_normalizeName(name), line: lineAt(at), source });
    // Where a search for each closing delimiter found none: no later search can find one either, so
    // that a run of unclosed starts costs linear time, not quadratic.
    const noEndFrom = new Map();
    const findEnd = (pattern, from) => {
        if (base + from >= (noEndFrom.get(pattern) ?? Infinity))
            return null;
        const found = pattern.exec(rest.slice(from));
        if (!found)
            noEndFrom.set(pattern, base + from);
        return found;
    };
    for (let match = INITIAL.exec(rest); match; match = INITIAL.exec(rest)) {
        checkBudget(facts);
        const { start, role, backquote, whole, refname, refend, label } = match.groups;
        const at = match.index;
        let next = at + (start ?? whole ?? `${role}${backquote}`).length;
        if (start && !quotedStart(rest, at, next)) {
            const end = findEnd(END[start], next);
            if (end && end.index > 0) {
                const inner = text_unescape(rest.slice(next, next + end.index));
                if (start === '_`') {
                    facts.explicitTargets.push({ name: text_normalizeName(inner), line: lineAt(at) });
                    facts.names.add(text_squash(inner));
                }
                else if (start === '|') {
                    facts.substitutionReferences.push({ name: inner, line: lineAt(at) });
                    if (end[1].endsWith('__'))
                        facts.anonymousReferences.push(lineAt(at));
                    else if (end[1].endsWith('_'))
                        reference(at, inner, `|${inner}|_`);
                }
                next += end.index + end[1].length;
            }
            else {
                problem(at, `'${start}' starts ${KIND[start]} but nothing closes it`, `close it with a matching '${start === '_`' ? '`' : start}' (with no space before it), or escape it as '\\${start[0]}' if it is meant literally`);
            }
        }
        else if (backquote && (role || !quotedStart(rest, at, next))) {
            const end = findEnd(END_INTERPRETED, next);
            if (end && end.index > 0) {
                const inner = rest.slice(next, next + end.index);
                const [prefix, suffix, link] = [role.slice(1, -1), end.groups.role?.slice(1, -1), end.groups.refend];
                next += end.index + end[0].length;
                if (prefix && suffix)
                    problem(at, 'this interpreted text has a role both before and after it', 'keep only the role in front (:role:`text`)');
                else if ((prefix || suffix) && link) {
                    problem(at, `':${prefix || suffix}:' is a role, but the text also ends with '${link}' as a link would`, "drop either the role or the trailing '_': a role cannot be a link");
                }
                else if (link)
                    phraseReference(inner, link === '__', lineAt(at), facts);
                else
                    checkRole(prefix || suffix || '', text_unescape(inner), lineAt(at), facts);
            }
            else {
                problem(at, "'`' starts interpreted text or a link but nothing closes it", "close it with a matching '`' (followed by '_' for a link), use ``double backquotes`` for code, or escape it as '\\`'");
            }
        }
        else if (refend === '__')
            facts.anonymousReferences.push(lineAt(at));
        else if (refend)
            reference(at, refname, whole);
        else if (label === '#' || label === '*')
            facts.autoReferences[label].push(lineAt(at));
        else if (label)
            reference(at, label.replace(/^#/, ''), whole);
        base += next;
        rest = rest.slice(next);
    }
}
function phraseReference(inner, anonymous, line, facts) {
    const embedded = EMBEDDED.exec(inner);
    if (!embedded) {
        if (anonymous)
            facts.anonymousReferences.push(line);
        else
            facts.references.push({ name: text_normalizeName(text_unescape(inner)), line, source: `\`${text_unescape(inner)}\`_` });
        return;
    }
    const alias = embedded[1];
    // `text <name_>`_ points at another target, unless the underscore is escaped or the alias is a URI.
    if (alias.endsWith('_') && !alias.endsWith('\0_') && !/^([a-z][a-z0-9.+-]*:|[^@]+@)/i.test(alias)) {
        facts.references.push({ name: text_normalizeName(text_unescape(alias.slice(0, -1))), line, source: `<${text_unescape(alias)}>` });
    }
    if (!anonymous)
        facts.names.add(text_squash(text_unescape(inner.slice(0, embedded.index) || alias)));
}

;// CONCATENATED MODULE: ./src/checks/rst/titles.ts
// Section titles and transitions: their overlines and underlines, their levels, and where a transition may stand.




// Characters certainly two columns wide (East Asian Wide and Fullwidth, common emoji).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2705\u2728\u26a1\u2b50\u2615\u2757\u274c\u{1f300}-\u{1f320}\u{1f337}-\u{1f37c}\u{1f37e}-\u{1f393}\u{1f3a0}-\u{1f3ca}\u{1f3f8}-\u{1f43e}\u{1f442}-\u{1f4fc}\u{1f4ff}-\u{1f53d}\u{1f5fb}-\u{1f64f}\u{1f680}-\u{1f6c5}\u{1f90c}-\u{1f93a}\u{1f947}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
/** docutils' column_width, never above it: a title longer than its underline is then certainly so. */
const width = (text) => [...text].reduce((sum, c) => sum + (WIDE.test(c) ? 2 : 1) - (/\p{M}/u.test(c) && !/[\ufe00-\ufe0f]/.test(c) ? 1 : 0), 0);
/** A line of punctuation between blank lines: a transition, which may not start or end a section, nor follow another. */
function transition(ls, i, ctx) {
    const fix = 'remove the line, or keep it only between two paragraphs';
    if (ls.slice(i + 1).every((l) => !l.text))
        problem(ctx, ls[i].n, `the ${ctx.level ? 'last section' : 'document'} ends with a transition (a line of punctuation)`, fix);
    if (ctx.empty)
        problem(ctx, ls[i].n, `the ${ctx.level ? 'section' : 'document'} starts with a transition (a line of punctuation)`, fix);
    else if (ctx.afterTransition)
        problem(ctx, ls[i].n, 'two transitions (lines of punctuation) follow each other with nothing between them', 'remove one of them');
    ctx.kind = 'transition';
    return i + 1;
}
/** What is wrong with the frame of a title under the overline `over`: no underline, a different one, too short, or nothing. */
function overlineShape(over, title, under) {
    return under === undefined || !PUNCTUATION_LINE.test(under)
        ? 'missing'
        : under !== over
            ? 'mismatch'
            : width(title) > over.length
                ? 'short'
                : '';
}
/** The title an overline at line `i` starts: its problems reported, the section it opens entered. */
function overlinedTitle(ls, i, ctx, shape) {
    const [over, next, under] = [ls[i].text, ls[i + 1], ls[i + 2]?.text];
    const [title, before] = [strip(next.text), ctx.facts.problems.length];
    if (shape === 'missing') {
        problem(ctx, ls[i].n, `the title '${title}' has an overline but no matching underline`, `add the line '${over}' right below the title`);
        return Math.min(i + 3, ls.length);
    }
    if (shape === 'mismatch') {
        problem(ctx, ls[i].n, `the overline and the underline of the title '${title}' differ ('${over}' and '${under}')`, 'make the underline an exact copy of the overline');
        return i + 3;
    }
    if (shape === 'short') {
        problem(ctx, ls[i].n, `the overline of the title '${title}' is shorter than the title (${over.length} characters for ${width(next.text)})`, `extend the overline and the underline to at least ${width(next.text)} characters`);
    }
    section(title, `${over[0]}${under[0]}`, next, ctx, before);
    return i + 3;
}
/** A section title; `since` counts the problems before its own (which docutils places right after it). */
function section(title, style, line, ctx, since) {
    const known = ctx.styles.indexOf(style);
    const level = known < 0 ? ctx.styles.length + 1 : known + 1;
    const show = (s) => s.length === 1 ? `'${s}' underline` : `'${s[0]}' overline with '${s[1]}' underline`;
    if (level > ctx.level + 1) {
        problem(ctx, line.n, `the title '${title}' skips a level: its ${show(style)} makes it a level-${level} title right under a level-${ctx.level} one`, `use the style of level ${ctx.level + 1} or above (${ctx.styles.map((s, k) => `${show(s)} for level ${k + 1}`).join(', ')})`);
        return;
    }
    if (known < 0)
        ctx.styles.push(style);
    ctx.level = level;
    const taken = ctx.facts.names.has(text_squash(title)) || ctx.looseNames.has(text_squash(title));
    ctx.facts.names.add(text_squash(title));
    scanInline(title, [line.n], ctx.facts);
    // docutils puts the title's messages (and an INFO when its name is taken) right after it, before any transition.
    if (ctx.facts.problems.length === since && !taken)
        ctx.kind = 'new title';
}

;// CONCATENATED MODULE: ./src/checks/rst/paragraphs.ts
// A text block that is not a definition list: an underlined title, or a paragraph and the literal block
// its '::' announces.





/** docutils' Text state once a definition list is ruled out: the second line decides between title and paragraph. */
function titleOrParagraph(ls, i, ctx, top) {
    const [title, next] = [ls[i].text, ls[i + 1]];
    // An underline shorter than its title and than 4 characters makes ordinary text.
    if (next?.text && PUNCTUATION_LINE.test(next.text) && (width(title) <= next.text.length || next.text.length >= 4)) {
        const before = ctx.facts.problems.length;
        if (width(title) > next.text.length) {
            problem(ctx, next.n, `the underline of the title '${title}' is shorter than the title (${next.text.length} characters for ${width(title)})`, `extend the underline to at least ${width(title)} characters`);
        }
        if (top)
            section(title, next.text[0], ls[i], ctx, before);
        else
            problem(ctx, ls[i].n, `the title '${title}' is inside an indented block (quote, list item or directive), where titles are not allowed`, 'remove the indentation so the title starts at the left margin, or make it **bold** text');
        return i + 2;
    }
    let j = i + 1;
    for (; ls[j]?.text; j++) {
        if (!indented(ls[j]))
            continue;
        problem(ctx, ls[j].n, 'this line is indented more than the paragraph above it, without a blank line in between', 'remove the extra indentation, or put a blank line before it to make it a quote or literal block');
        break;
    }
    const lines = ls.slice(i, j);
    const data = rstrip(joined(lines));
    const literal = /(?<!\\)(?:\\\\)*::$/.test(data);
    const text = !literal
        ? data
        : data === '::'
            ? ''
            : ' \n'.includes(data.at(-3))
                ? rstrip(data.slice(0, -3))
                : data.slice(0, -1);
    if (text)
        scanInline(text, lines.map((l) => l.n), ctx.facts);
    return literal ? literalBlock(ls, j, ctx, lines.at(-1).n) : j;
}
/** The block a paragraph ending in '::' announces: indented, or quoted with a punctuation character. */
function literalBlock(ls, j, ctx, at) {
    const block = j < ls.length ? indentedBlock(ls, j) : { end: j, blankFinish: true, lines: [] };
    if (block.lines.some((l) => l.text)) {
        if (!block.blankFinish && block.end < ls.length)
            unindented(ctx, ls[block.end], 'literal block');
        return block.end;
    }
    let k = block.end;
    if (j >= ls.length || !/^[!-/:-@[-`{-~]/.test(ls[k]?.text ?? '')) {
        problem(ctx, at, "the paragraph ends with '::', which announces a literal block, but no indented block follows", "indent the block under it after a blank line, or end the paragraph with a single ':'");
        return k;
    }
    const quote = ls[k].text[0];
    while (ls[k]?.text.startsWith(quote))
        k++;
    if (ls[k]?.text)
        problem(ctx, ls[k].n, `this line ends a quoted literal block (lines starting with '${quote}') without a blank line`, 'insert a blank line before it');
    return k;
}

;// CONCATENATED MODULE: ./src/checks/rst/tables.ts
// Grid and simple tables: only where they end is checked, their content is skipped.



function gridTable(ls, i, ctx) {
    let j = i;
    for (; ls[j]?.text; j++) {
        // Every line up to the blank line belongs to the table and must start with '+' or '|'.
        if (indented(ls[j]) || !/^[+|]/.test(ls[j].text)) {
            problem(ctx, ls[j].n, 'this line follows a table without a blank line (or breaks its left border)', 'insert a blank line after the table, or fix the border');
            break;
        }
    }
    ctx.facts.skipped.push(joined(ls.slice(i, j)));
    return j;
}
/** docutils' isolate_simple_table: the table ends at its second border after the top, or one followed by a blank line. */
function simpleTable(ls, i, ctx) {
    for (let k = i + 1, found = 0; k < ls.length; k++) {
        if (!TABLE_BORDER.test(ls[k].text))
            continue;
        if (strip(ls[k].text).length !== strip(ls[i].text).length)
            break;
        if (++found === 2 || k === ls.length - 1 || !ls[k + 1].text) {
            ctx.facts.skipped.push(joined(ls.slice(i, k + 1)));
            if (ls[k + 1]?.text)
                problem(ctx, ls[k + 1].n, 'this line follows the table above without a blank line', 'insert a blank line after the table');
            return k + 1;
        }
    }
    problem(ctx, ls[i].n, 'the table starting here has no bottom border of the same width followed by a blank line', 'end the table with a copy of its top border line, then a blank line');
    return skip(ls, i, ctx);
}

;// CONCATENATED MODULE: ./src/checks/rst/targets.ts
// Explicit targets and substitution definitions: what they define, and how they are malformed.


const TARGET = new RegExp(`^(?:_|(?!_)(?<q>\`?)(?![ \`])(?<name>.+?)(?<![${SPACE}\\0])\\k<q>)(?<!(?<!\\0):)(?<![${SPACE}\\0]) ?:(?: +|$)`, 'u');
const SUBSTITUTION = new RegExp(`^(?![ ])(?<name>.+?)(?<![${SPACE}\\0])\\|(?: +|$)`, 'u');
const INDIRECT = new RegExp(`^(?:(${SIMPLENAME})_|\`(?! )(.+?)(?<![${SPACE}\\0])\`_)$`, 'u');
/** A hyperlink target; `raw` starts after '.. _' (or '__ ' for an anonymous one), its lines not dedented. */
function hyperlinkTarget(raw, line, facts, anonymous) {
    let escaped = '';
    let k = 0;
    let m = null;
    for (; !anonymous && k < raw.length && !(m = TARGET.exec((escaped += escapeToNull(raw[k])))); k++)
        ;
    if (!anonymous && !m) {
        facts.problems.push({
            line,
            message: `the hyperlink target '.. _${raw.join(' ').trim()}' has no ':' after its name`,
            fix: "write it as '.. _name: https://…' (quote a name containing ': ' with backquotes)",
        });
        return;
    }
    const rest = [
        strip((escapeToNull(raw[k] ?? '') + ' ').slice(m ? m[0].length - escaped.length - 1 : 0)),
        ...raw.slice(k + 1).map(escapeToNull),
    ];
    const text = rest.map(strip).join(' ').split(SPACES).join(' ');
    const indirect = text.endsWith('_') ? INDIRECT.exec(text) : null;
    const refname = indirect ? text_normalizeName(text_unescape(indirect[1] ?? indirect[2])) : undefined;
    const uri = indirect
        ? undefined
        : rest
            .join(' ')
            .split(/\0[ \n]/)
            .map((part) => text_unescape(part).split(SPACES).join(''))
            .join(' ');
    if (refname)
        facts.references.push({ name: refname, line, source: text });
    const name = m?.groups?.name;
    if (name === undefined)
        facts.anonymousTargets.push(line);
    else {
        facts.explicitTargets.push({ name: text_normalizeName(text_unescape(name)), line, uri: uri || undefined, refname });
        facts.names.add(text_squash(text_unescape(name)));
    }
}
/** A substitution definition; `block` starts after '.. |'. Its directive is checked like any other. */
function substitutionDefinition(block, line, facts) {
    const raw = block.map((l) => l.text);
    let escaped = escapeToNull(rstrip(raw[0]));
    let k = 0;
    let m;
    while (!(m = SUBSTITUTION.exec(escaped)) && ++k < raw.length)
        escaped += ` ${escapeToNull(strip(raw[k]))}`;
    const problem = (message, fix) => facts.problems.push({ line, message, fix });
    if (!m)
        return void problem("this substitution definition has no closing '|' after its name", "write it as '.. |name| image:: https://…'");
    // docutils keeps a backslash-escape in the defined name (as NUL), so `|a\b|` does not define |ab|.
    const name = m.groups.name;
    const head = strip((strip(raw[k]) + ' ').slice(m[0].length - escaped.length - 1, -1));
    const content = [{ text: head, n: block[k].n }, ...block.slice(k + 1)].filter((l, j) => j > 0 || l.text);
    const type = new RegExp(`^(${SIMPLENAME})::( +|$)`, 'u').exec(content[0]?.text ?? '');
    if (!type) {
        problem(`the substitution '|${text_unescape(name)}|' is defined without a directive`, `define it with one, e.g. '.. |${text_unescape(name)}| image:: https://…' or '.. |${text_unescape(name)}| replace:: text'`);
    }
    else if (checkDirective(type[1], [{ text: content[0].text.slice(type[0].length), n: content[0].n }, ...content.slice(1)], line, facts, true)) {
        if (SUBSTITUTION_DIRECTIVES.has(type[1].toLowerCase()))
            facts.substitutionDefinitions.push({ name, line });
        else
            problem(`'${type[1]}::' cannot define a substitution`, 'use image::, replace::, unicode:: or date:: in a substitution definition');
    }
}

;// CONCATENATED MODULE: ./src/checks/rst/body.ts
// docutils' Body state and the blocks that hold other blocks (quotes, list items, fields, directives): the
// recursive core of the block parser. Blocks that hold no other blocks live in their own modules.











/** docutils itself recurses per level and fails long before this on a crafted text. */
const MAX_DEPTH = 48;
/** docutils' Body state: the first line of each block decides what the block is. */
function body(ls, ctx, top) {
    if (ctx.depth >= MAX_DEPTH) {
        ctx.notes.add(`blocks nested more than ${MAX_DEPTH} deep were not checked`);
        ctx.facts.skipped.push(joined(ls));
        return;
    }
    ctx.depth++;
    try {
        blocks(ls, ctx, top);
    }
    finally {
        ctx.depth--;
    }
}
function blocks(ls, ctx, top) {
    for (let i = 0; i < ls.length;) {
        checkBudget(ctx.facts);
        const t = ls[i].text;
        if (!t) {
            i++;
            continue;
        }
        if (t.startsWith(' ')) {
            const quote = indentedBlock(ls, i);
            body(quote.lines, ctx, false);
            if (!quote.blankFinish && quote.end < ls.length)
                unindented(ctx, ls[quote.end], 'block quote', 'insert a blank line before this line (the indented lines above form a quote)');
            i = quote.end;
        }
        else if (BULLET.test(t)) {
            i = list(ls, i, ctx, 'bullet list', (k) => {
                const m = ls[k]?.text[0] === t[0] ? BULLET.exec(ls[k].text) : null;
                return m ? listItem(ls, k, m[0].length, ctx) : undefined;
            });
        }
        else if (ENUMERATOR.test(t))
            i = enumeratedList(ls, i, ctx, top);
        else if (FIELD.test(t)) {
            i = list(ls, i, ctx, 'field list', (k) => {
                const m = FIELD.exec(ls[k]?.text ?? '');
                if (!m)
                    return undefined;
                scanInline(m[0].slice(1, m[0].lastIndexOf(':')), [ls[k].n], ctx.facts);
                const field = indentedBlock(ls, k, { first: m[0].length });
                body(field.lines, ctx, false);
                return field;
            });
        }
        else if (OPTION_MARKER.test(t))
            i = skip(ls, i, ctx);
        else if (DOCTEST.test(t))
            while (ls[i]?.text)
                i++;
        else if (LINE_BLOCK.test(t)) {
            i = list(ls, i, ctx, 'line block', (k) => {
                const m = LINE_BLOCK.exec(ls[k]?.text ?? '');
                const line = m ? indentedBlock(ls, k, { first: m[0].length, untilBlank: true }) : undefined;
                if (line)
                    scanInline(joined(line.lines), line.lines.map((l) => l.n), ctx.facts);
                return line;
            });
        }
        else if (GRID_TABLE.test(t))
            i = gridTable(ls, i, ctx);
        else if (SIMPLE_TABLE.test(t))
            i = simpleTable(ls, i, ctx);
        else if (EXPLICIT.test(t) || ANONYMOUS.test(t)) {
            i = list(ls, i, ctx, 'explicit markup (directive, comment or target)', (k) => {
                const line = ls[k]?.text ?? '';
                return EXPLICIT.test(line) || ANONYMOUS.test(line) ? explicit(ls, k, ctx) : undefined;
            });
        }
        else if (PUNCTUATION_LINE.test(t))
            i = punctuationLine(ls, i, ctx, top);
        else
            i = textBlock(ls, i, ctx, top);
        if (top)
            [ctx.empty, ctx.afterTransition] = [ctx.kind === 'new title', ctx.kind === 'transition'];
        ctx.kind = 'other';
    }
}
function listItem(ls, i, indent, ctx) {
    const item = ls[i].text.slice(indent)
        ? indentedBlock(ls, i, { block: indent })
        : indentedBlock(ls, i, { first: indent });
    body(item.lines, ctx, false);
    return item;
}
function enumeratedList(ls, i, ctx, top) {
    const first = enumerator(ls[i].text);
    if (!isItem(ls, i, first))
        return textBlock(ls, i, ctx, top);
    const type = first.sequence === '#' ? 'arabic' : first.sequence;
    let [auto, last] = [first.sequence === '#', first.ordinal];
    return list(ls, i, ctx, 'enumerated list', (k) => {
        const e = enumerator(ls[k]?.text, type);
        if (k !== i) {
            if (e?.format !== first.format || !isItem(ls, k, e))
                return undefined;
            if (e.sequence !== '#' && (e.sequence !== type || auto || e.ordinal !== last + 1))
                return undefined;
            [auto, last] = [auto || e.sequence === '#', e.ordinal];
        }
        return listItem(ls, k, e.length, ctx);
    });
}
function explicit(ls, i, ctx) {
    const t = ls[i].text;
    let m;
    if ((m = ANONYMOUS.exec(t)) || (m = /^\.\. +_(?! |$)/.exec(t))) {
        const block = indentedBlock(ls, i, { first: m[0].length, untilBlank: true });
        hyperlinkTarget([t.slice(m[0].length), ...ls.slice(i + 1, block.end).map((l) => l.text)], ls[i].n, ctx.facts, m[0].startsWith('_'));
        return block;
    }
    if ((m = FOOTNOTE.exec(t))) {
        const block = indentedBlock(ls, i, { first: m[0].length });
        const label = m[1];
        if (label === '#' || label === '*')
            ctx.facts.autoFootnotes[label]++;
        else
            ctx.facts.explicitTargets.push({ name: text_normalizeName(label.replace(/^#/, '')), line: ls[i].n });
        ctx.facts.names.add(text_squash(label));
        ctx.facts.skipped.push(joined(block.lines));
        return block;
    }
    if ((m = /^\.\. +\|(?! |$)/.exec(t) ?? DIRECTIVE.exec(t))) {
        const block = indentedBlock(ls, i, { first: m[0].length });
        if (m[1] === undefined)
            substitutionDefinition(block.lines, ls[i].n, ctx.facts);
        else
            body(checkDirective(m[1], block.lines, ls[i].n, ctx.facts, false) || [], ctx, false);
        return block;
    }
    m = EXPLICIT.exec(t);
    if (!ls[i + 1]?.text && !strip(t.slice(m[0].length)))
        return { end: i + 1, blankFinish: true };
    return indentedBlock(ls, i, { first: m[0].length });
}
/** A line of one repeated punctuation character: an overline, a transition, or text (docutils' Line state). */
function punctuationLine(ls, i, ctx, top) {
    const [over, next, short] = [ls[i].text, ls[i + 1], ls[i].text.length < 4];
    if (!top && over !== '::' && !short) {
        problem(ctx, ls[i].n, `the line '${over}' would be a title underline or a transition, but it is inside an indented block (quote, list item or directive) where neither is allowed`, 'remove the indentation of the title, or remove the line');
        return i + 1;
    }
    if (!top || (short && (!next?.text || (!indented(next) && PUNCTUATION_LINE.test(next.text)))))
        return textBlock(ls, i, ctx, top);
    if (!next?.text)
        return transition(ls, i, ctx);
    if (!indented(next) && PUNCTUATION_LINE.test(next.text)) {
        problem(ctx, ls[i].n, 'two lines of punctuation follow each other: this is neither a title nor a transition', 'put the title text between the overline and the underline, or remove one line');
        return i + 2;
    }
    const shape = overlineShape(over, next.text, ls[i + 2]?.text);
    if (shape && short)
        return textBlock(ls, i, ctx, top);
    return overlinedTitle(ls, i, ctx, shape);
}
/** docutils' Text state: the second line decides between title, definition list and paragraph. */
function textBlock(ls, i, ctx, top) {
    if (indented(ls[i + 1]))
        return definitionList(ls, i, ctx);
    return titleOrParagraph(ls, i, ctx, top);
}
function definitionList(ls, i, ctx) {
    return list(ls, i, ctx, 'definition list', (k) => {
        const term = ls[k]?.text;
        if (term === undefined || (k !== i && (SPECIAL.some((p) => p.test(term)) || !indented(ls[k + 1]))))
            return undefined;
        scanInline(term, [ls[k].n], ctx.facts);
        const definition = indentedBlock(ls, k + 1);
        body(definition.lines, ctx, false);
        return definition;
    });
}

;// CONCATENATED MODULE: ./src/checks/rst/facts.ts
// What the rst checker records while it reads a description, shared by the block parser and the
// inline, directive and reference modules. No I/O and no global state: checkRst makes one per call.
function newFacts() {
    return {
        problems: [],
        references: [],
        anonymousReferences: [],
        anonymousTargets: [],
        autoReferences: { '#': [], '*': [] },
        autoFootnotes: { '#': 0, '*': 0 },
        substitutionReferences: [],
        substitutionDefinitions: [],
        explicitTargets: [],
        names: new Set(),
        customRoles: new Set(),
        skipped: [],
    };
}

;// CONCATENATED MODULE: ./src/checks/rst/references.ts

/** Names, substitutions, roles, anonymous targets and footnotes the raw text might define, read without parsing. */
function looseScan(raw, facts) {
    const loose = {
        names: new Set(['contents']),
        titles: new Set(),
        substitutions: new Set(),
        anonymousTargets: 0,
        autoFootnotes: { '#': 0, '*': 0 },
        numbered: false,
    };
    raw.forEach((line, k) => {
        for (const m of line.matchAll(/`([^`]*?)\s*<([^`<>]+)>`_(?!_)|_`([^`]+)`/g))
            loose.names.add(text_squash(m[1] || m[2] || m[3] || ''));
        const m = /^\s*(?:\.\.\s+(?:_`?(.+?)`?\s?:(?:\s|$)|\[#?([^\]]+)\]|\|([^|]+)\||(role)::\s*([^\s(]+)|[\w.:+-]+\s?::\s*(.*))|:name:\s*(.*))/u.exec(line);
        if (m?.[1] || m?.[2] || m?.[6] || m?.[7])
            loose.names.add(text_squash(m[1] || m[2] || m[6] || m[7]));
        if (m?.[2] === '#' || m?.[2] === '*')
            loose.autoFootnotes[m[2]]++;
        loose.numbered ||= /^\s*\.\.\s+\[#/.test(line);
        if (m?.[3])
            loose.substitutions.add(text_normalizeName(m[3]));
        if (m?.[5])
            facts.customRoles.add(m[5].toLowerCase());
        if (/^\s*(?:\.\.\s+__\s?:(?:\s|$)|__(?: |$))/.test(line))
            loose.anonymousTargets++;
        if (k + 1 < raw.length && /^([!-/:-@[-`{-~])\1* *$/.test(raw[k + 1].trimEnd()))
            loose.titles.add(text_squash(line));
    });
    return loose;
}
/** The checks that need the whole document: references, anonymous links, footnotes, substitutions, duplicates. */
function resolve(facts, loose) {
    const problem = (line, message, fix) => facts.problems.push({ line, message, fix });
    const skipped = (marker) => facts.skipped.some((text) => text.includes(marker));
    for (const ref of facts.references) {
        const key = text_squash(ref.name);
        // Auto-numbered footnotes take the numeric names still free, so `[2]_` may point at a `.. [#]`.
        if (!key ||
            facts.names.has(key) ||
            loose.names.has(key) ||
            loose.titles.has(key) ||
            (/^\d+$/.test(key) && loose.numbered))
            continue;
        problem(ref.line, `the link '${ref.source}' refers to a target named '${ref.name}', which the description does not define`, `define it with '.. _${ref.name}: https://…', write the link as \`text <https://…>\`_, or escape the '_' as '\\_' if it is not a link`);
    }
    const [anonymous, targets] = [facts.anonymousReferences.length, facts.anonymousTargets.length];
    if (anonymous !== targets && targets === loose.anonymousTargets && !skipped('__')) {
        problem(facts.anonymousReferences[targets] ?? facts.anonymousTargets[anonymous], `the description has ${anonymous} anonymous link(s) (ending in '__') but ${targets} anonymous target(s) ('.. __: …')`, 'give each `text`__ link its own `.. __: https://…` line in the same order, or embed the URL: `text <https://…>`__');
    }
    for (const kind of ['#', '*']) {
        const refs = facts.autoReferences[kind];
        if (refs.length > facts.autoFootnotes[kind] &&
            facts.autoFootnotes[kind] === loose.autoFootnotes[kind] &&
            !skipped(`[${kind}]_`)) {
            problem(refs[facts.autoFootnotes[kind]], `the description has ${refs.length} '[${kind}]_' footnote reference(s) but only ${facts.autoFootnotes[kind]} '.. [${kind}]' footnote(s)`, `add a '.. [${kind}] …' footnote for each reference, in the same order`);
        }
    }
    const defined = new Set([
        ...facts.substitutionDefinitions.map((s) => text_normalizeName(text_unescape(s.name))),
        ...loose.substitutions,
    ]);
    for (const ref of facts.substitutionReferences) {
        if (defined.has(text_normalizeName(ref.name)))
            continue;
        problem(ref.line, `the substitution '|${ref.name}|' is used but never defined`, `define it, e.g. '.. |${ref.name}| image:: https://…', or escape the bar as '\\|'`);
    }
    const firstDefinition = new Map();
    for (const sub of facts.substitutionDefinitions) {
        const key = sub.name.split(SPACES).join(' ');
        const old = firstDefinition.get(key);
        if (old)
            problem(sub.line, `the substitution '|${text_unescape(key)}|' is defined twice (first on line ${old})`, 'remove or rename one of the definitions');
        else
            firstDefinition.set(key, sub.line);
    }
    const first = new Map();
    const reported = new Set();
    for (const target of facts.explicitTargets) {
        const old = first.get(target.name);
        if (!old)
            first.set(target.name, target);
        else if (!reported.has(target.name) &&
            !(target.uri !== undefined && target.uri === old.uri) &&
            !(target.refname !== undefined && target.refname === old.refname)) {
            reported.add(target.name);
            problem(target.line, `the target name '${target.name}' is defined twice (first on line ${old.line})`, 'rename one of the targets, or give both the same URL');
        }
    }
}

;// CONCATENATED MODULE: ./src/checks/rst-check.ts
// A pure approximation of the reStructuredText errors that make PyPI refuse a description. PyPI renders
// it with readme_renderer, which runs docutils with halt_level at WARNING: any docutils warning or error
// refuses the upload. The parser follows docutils' block states (parsers/rst/states.py) closely enough
// to know where each construct starts and ends, reports only what docutils certainly reports, and skips
// as a whole what it does not model.
// The parser and its checks live in rst/; this module runs them on one text within a budget.





/** What readme_renderer refuses that checkRst does not look for. */
const RST_CHECKS_NOT_DONE = (/* unused pure expression or super */ null && ([
    'tables: malformed grid or simple tables, and inline markup inside table cells (csv-table content included)',
    'the shape of list-table content (rows of equal length), and of figure captions',
    'option lists: their shape and markup',
    'a reference to a name that two sections or targets share ("cannot be used as a unique reference")',
    'directive option values (a :width: without a valid unit, an :align: docutils does not accept, a value spread over lines)',
    'substitution definitions: the text of a `replace::` and the options of an embedded `image::`',
    'bibliographic fields at the top of the document (:Authors:, :Date:, …) that docutils cannot interpret',
    '`.. default-role::`, and roles used before their `.. role::` definition',
    'a document that renders to nothing (only comments or targets)',
]));
/** The problems docutils, as readme_renderer runs it, would certainly report for `text`, by line. */
function checkRst(text) {
    return checkRstWithin(text, Infinity).problems;
}
/** checkRst with a time budget: past it, the problems found so far and a note that it stopped. */
function checkRstWithin(text, budgetMs) {
    const notes = new Set();
    const facts = newFacts();
    try {
        withRstBudget(budgetMs, () => {
            parse(text, notes, facts);
        });
    }
    catch (error) {
        if (!(error instanceof RstBudgetExceeded))
            throw error;
        notes.add(error.message.startsWith('the check stopped') ? error.message : `the check stopped after ${budgetMs} ms`);
    }
    const problems = facts.problems.sort((a, b) => a.line - b.line);
    return notes.size ? { problems, stopped: [...notes].join('; ') } : { problems };
}
function parse(text, notes, facts) {
    const raw = text.replace(/[\v\f]/g, ' ').split(/\r\n|[\n\r\x1c-\x1e\x85\u2028\u2029]/);
    if (raw.length > 1 && raw.at(-1) === '')
        raw.pop();
    const lines = raw.map((line, k) => ({
        text: rstrip([...line].reduce((out, c) => out + (c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c), '')),
        n: k + 1,
    }));
    const loose = looseScan(raw, facts);
    body(lines, {
        facts,
        styles: [],
        level: 0,
        kind: 'other',
        empty: true,
        afterTransition: false,
        looseNames: loose.names,
        depth: 0,
        notes,
    }, true);
    resolve(facts, loose);
}

;// CONCATENATED MODULE: ./src/checks/verify.ts





/** One slow check must not hold up a release: past this, the check says that it stopped. */
const RST_BUDGET_MS = 2_000;
/** Per field: a crafted file must not produce 25,000 annotations. */
const MAX_PROBLEMS_PER_FIELD = 20;
const UNINDENTED = "That indentation was removed before the check and the upload, as setuptools' own reader does (twine 7 sends it as is, and PyPI then fails to render the README); rebuild with a current setuptools to write the description as the message body.";
/** verify-metadata: everything PyPI checks beyond what every upload needs (see checkMetadata). */
function verifyDist({ dist, metadata, member, members }) {
    const problems = checkMetadataFields(metadata).map((p) => ({ file: dist.filename, ...p }));
    const add = (field, message, fix, severity = 'error') => {
        problems.push({ file: dist.filename, field, message, fix, severity });
    };
    const contentType = (getField(metadata, 'Description-Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    if (contentType === '' || contentType === 'text/x-rst') {
        const description = descriptionOf(metadata);
        const unindented = description.unindented ? ` ${UNINDENTED}` : '';
        const rst = checkRstWithin(description.text ?? '', RST_BUDGET_MS);
        for (const problem of rst.problems) {
            add('Description', `reStructuredText, line ${problem.line}: ${problem.message}`, `${problem.fix.replace(/\.?$/, '.')} PyPI refuses a description it cannot render.${contentType === '' ? ' If the README is Markdown, set its content type (pyproject.toml: readme = "README.md").' : ''}${unindented}`);
        }
        if (rst.stopped) {
            add('Description', `the reStructuredText check did not look at all of it (${rst.stopped}).`, 'Nothing to do unless PyPI refuses the upload; then check the README with `python -m readme_renderer README.rst`.', 'warning');
        }
        if (description.unindented) {
            add('Description', `${dist.kind === 'sdist' ? 'PKG-INFO' : 'METADATA'} indents every description line after the first by 8 spaces, as old setuptools wrote it.`, UNINDENTED, 'warning');
        }
    }
    if (dist.kind === 'wheel' && dist.platform) {
        for (const tag of dist.platform.split('.')) {
            if (isAcceptedPlatformTag(tag))
                continue;
            add('platform tag', `the wheel's platform tag '${tag}' is not one PyPI accepts${tag.startsWith('linux_') ? ' (a plain linux tag says nothing about the C library; PyPI takes manylinux and musllinux wheels)' : ''}.`, tag.startsWith('linux_')
                ? 'Repair the wheel with auditwheel (`auditwheel repair`) or build it with cibuildwheel, which produce manylinux/musllinux wheels.'
                : 'Build the wheel for a platform PyPI supports, or do not upload this file.');
        }
    }
    for (const licenseFile of getFields(metadata, 'License-File')) {
        const expected = licenseFilePath(dist, metadata, member, licenseFile);
        if (expected && !members.has(expected)) {
            add('License-File', `License-File ${licenseFile} is not in the archive (expected at ${expected}).`, 'Rebuild with a backend that copies license files into the distribution (PEP 639), or fix license-files in pyproject.toml.');
        }
    }
    return capPerField(problems);
}
/** At most MAX_PROBLEMS_PER_FIELD problems of each severity per field, then one saying how many more. */
function capPerField(problems) {
    const seen = new Map();
    const kept = [];
    for (const problem of problems) {
        const key = `${problem.severity}\0${problem.field}`;
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        if (count <= MAX_PROBLEMS_PER_FIELD)
            kept.push(problem);
    }
    for (const [key, count] of seen) {
        if (count <= MAX_PROBLEMS_PER_FIELD)
            continue;
        const [severity, field] = key.split('\0');
        const file = problems[0].file;
        kept.push({
            file,
            field,
            severity,
            message: `and ${count - MAX_PROBLEMS_PER_FIELD} more problems of the same kind in ${field}.`,
            fix: 'Fix the ones above and run again to see the rest.',
        });
    }
    return kept;
}
/** PEP 639: wheels carry license files under .dist-info/licenses/; sdists at the path, in the top folder. */
function licenseFilePath(dist, metadata, member, licenseFile) {
    const metadataVersion = getField(metadata, 'Metadata-Version') ?? '';
    // Before 2.4 setuptools wrote License-File with another meaning; twine and we do not send it.
    if (!/^2\.([4-9]|\d\d)$/.test(metadataVersion))
        return undefined;
    const folder = member.slice(0, member.lastIndexOf('/'));
    return dist.kind === 'wheel' ? `${folder}/licenses/${licenseFile}` : `${folder}/${licenseFile}`;
}
/** The job summary's table of problems. */
function problemsMarkdown(problems) {
    return [
        '#### Problems found before upload',
        '',
        '| File | Field | Problem | How to fix |',
        '| --- | --- | --- | --- |',
        ...problems.map((p) => `| ${(0,markdown/* markdownCell */.U)(p.file)} | ${(0,markdown/* markdownCell */.U)(p.field)} | ${p.severity === 'warning' ? '⚠️ ' : ''}${(0,markdown/* markdownCell */.U)(p.message)} | ${(0,markdown/* markdownCell */.U)(p.fix)} |`),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/checks/preflight.ts




/** Every file read and checked before anything is sent; any error stops the run with all of them listed. */
async function preflight(dists, verifyMetadata, io) {
    const problems = [];
    const checked = [];
    const fromError = (dist, error) => ({
        file: dist.filename,
        field: 'file',
        message: error.message,
        fix: error.hint ?? '',
        severity: 'error',
    });
    for (const dist of dists) {
        try {
            const read = await readDistMetadata(dist);
            const found = [
                ...checkMetadata(read.metadata, { dist, member: read.member }).map((e) => fromError(dist, e)),
                ...(verifyMetadata ? verifyDist({ dist, ...read }) : []),
            ];
            for (const problem of found)
                problems.push(problem);
            if (!found.some((p) => p.severity === 'error'))
                checked.push({ dist, metadata: read.metadata });
        }
        catch (error) {
            if (!(error instanceof common_errors/* PublishError */.S1))
                throw error;
            problems.push(fromError(dist, error));
        }
    }
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) {
        for (const problem of errors)
            io.error(`${problem.field === 'file' ? '' : `${problem.field}: `}${problem.message}\nHow to fix: ${problem.fix}`, problem.file);
        const single = errors.length === 1;
        const list = errors.map((p) => `- ${p.field === 'file' ? '' : `${p.field}: `}${p.message.startsWith(p.file) ? p.message : `${p.file}: ${p.message}`}${single ? '' : `\n    How to fix: ${p.fix}`}`);
        throw new common_errors/* PublishError */.S1(`Nothing was uploaded: ${single ? 'a problem was' : `${errors.length} problems were`} found before the upload.\n${list.join('\n')}`, {
            hint: single ? errors[0].fix : 'Fix each problem above (usually in pyproject.toml), rebuild, and run again.',
            details: problemsMarkdown(problems),
        });
    }
    return { checked, warnings: problems };
}

// EXTERNAL MODULE: ./src/index/burn.ts
var burn = __webpack_require__(2651);
;// CONCATENATED MODULE: ./src/index/credentials.ts
function fixedCredentials(user, password) {
    const credentials = { user, password, trustedPublishing: false };
    return { trustedPublishing: false, current: () => Promise.resolve(credentials), renew: () => Promise.resolve(false) };
}
/**
 * PyPI's minted tokens last 15 minutes. A new one is minted before a file's upload starts when
 * less than `marginMs` is left, so that a long multi-file run never sends an expired token.
 * Concurrent uploads share one mint: whoever asks while a mint is under way waits for it.
 */
function mintedCredentials(mint, log, marginMs, now = Date.now) {
    let token;
    let minting;
    const fresh = () => {
        minting ??= mint()
            .then((minted) => {
            token = minted;
            log(`Got an upload token${minted.expires ? `, valid until ${new Date(minted.expires * 1000).toISOString()}` : ''}.`);
            return minted;
        })
            .finally(() => {
            minting = undefined;
        });
        return minting;
    };
    const credentials = (current) => ({
        user: '__token__',
        password: current.token,
        trustedPublishing: true,
    });
    return {
        trustedPublishing: true,
        async current() {
            if (minting)
                return credentials(await minting);
            if (!token)
                return credentials(await fresh());
            if (token.expires !== undefined && token.expires * 1000 - now() < marginMs) {
                log(`The upload token expires at ${new Date(token.expires * 1000).toISOString()}; minting a new one.`);
                return credentials(await fresh());
            }
            return credentials(token);
        },
        async renew(stale) {
            if (minting)
                await minting;
            else if (stale === undefined || token?.token === stale)
                await fresh();
            return true;
        },
    };
}

// EXTERNAL MODULE: ./src/index/diagnostics.ts
var diagnostics = __webpack_require__(3656);
// EXTERNAL MODULE: ./src/index/oidc.ts + 1 modules
var oidc = __webpack_require__(6199);
;// CONCATENATED MODULE: ./src/index/credential-source.ts




/** The password, or trusted publishing: a token minted when first asked for and renewed before it runs out. */
function credentialSource(inputs, runner, io, dists, retry, tokenRenewMarginMs, minted, headStart) {
    if (inputs.password) {
        const advice = (0,diagnostics/* passwordModeAdvice */.p9)(inputs.repositoryUrl, inputs.user, inputs.password);
        for (const notice of advice.notices)
            io.notice(notice);
        for (const warning of advice.warnings)
            io.warning(warning);
        io.info(`Authenticating to ${inputs.repositoryUrl.host} as '${(0,log_text/* outside */.q)(inputs.user)}' with the given password.`);
        return fixedCredentials(inputs.user, inputs.password);
    }
    // Known before the metadata is read: the filenames' names, in the index's normalized spelling.
    const projects = [...new Set(dists.map((dist) => dist.name.toLowerCase().replace(/[-_.]+/g, '-')))];
    const log = (message) => {
        io.info(message);
    };
    const warned = new Set();
    const warnOnce = (message) => {
        if (!warned.has(message))
            io.warning(message);
        warned.add(message);
    };
    let next = headStart;
    const mint = async () => {
        const start = next;
        // The audience serves every mint; the head start's ID token only the first.
        next = start && { audience: start.audience };
        // Without the runner's variables the exchange fails at once (with the id-token advice): no "exchanging" line.
        if (runner.requestUrl && runner.requestToken)
            io.info(`Exchanging this job's OIDC token for an upload token at ${inputs.repositoryUrl.origin} (trusted publishing).`);
        const token = await (0,oidc/* mintUploadToken */.HD)(inputs.repositoryUrl, runner, {
            mask: (secret) => {
                io.setSecret(secret);
            },
            projects,
            retry,
            log,
            warn: warnOnce,
            headStart: start,
        });
        minted.remember(token.token);
        if (inputs.verbose)
            io.info(`  exchanged a GitHub token with ${Object.entries(token.claims)
                .map(([k, v]) => `${(0,log_text/* outside */.q)(k)}=${(0,log_text/* outside */.q)(String(v))}`)
                .join(', ')}`);
        return token;
    };
    return mintedCredentials(mint, log, tokenRenewMarginMs);
}

// EXTERNAL MODULE: ./src/index/head-start.ts
var head_start = __webpack_require__(953);
// EXTERNAL MODULE: ./src/index/http.ts + 1 modules
var http = __webpack_require__(8948);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/hash-wasm/dist/blake2b.umd.min.js
var blake2b_umd_min = __webpack_require__(6427);
;// CONCATENATED MODULE: ./src/dists/digests.ts



const ONE_READ_BYTES = 1024 * 1024;
async function createDigester() {
    const sha256 = (0,external_node_crypto_.createHash)('sha256');
    const blake = await (0,blake2b_umd_min.createBLAKE2b)(256);
    blake.init();
    let size = 0;
    return {
        update(chunk) {
            sha256.update(chunk);
            blake.update(chunk);
            size += chunk.length;
        },
        digest: () => ({ sha256: sha256.digest('hex'), blake2_256: blake.digest('hex'), size }),
    };
}
/**
 * Hashes a file in one pass: a small file in one read, a larger one through a single reused 1 MiB
 * buffer, so that hashing a large file leaves no garbage behind (memory stays flat in file size).
 */
async function hashFile(path, size) {
    const digester = await createDigester();
    if (size !== undefined && size <= ONE_READ_BYTES)
        digester.update(await (0,promises_.readFile)(path));
    else {
        const file = await (0,promises_.open)(path, 'r');
        try {
            const buffer = Buffer.allocUnsafe(ONE_READ_BYTES);
            for (;;) {
                const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
                if (bytesRead === 0)
                    break;
                digester.update(buffer.subarray(0, bytesRead));
            }
        }
        finally {
            await file.close();
        }
    }
    return digester.digest();
}
/**
 * Hashes the files one after the other, in the background, in their order: the first upload waits
 * only for its own file, and later files are hashed while earlier ones upload. Every promise has a
 * handler attached, so that a failure nobody awaits (a run stopped early) is no unhandled rejection.
 */
function hashInOrder(files) {
    let previous = Promise.resolve();
    return files.map(({ path, size }) => {
        const digests = previous.then(() => hashFile(path, size));
        previous = digests.catch(() => undefined);
        return digests;
    });
}

;// CONCATENATED MODULE: ./src/index/multipart.ts



/** Files up to this size are read whole and sent as one buffer. */
const ONE_BUFFER_BYTES = 1024 * 1024;
/** Larger files are streamed in chunks of this size: a few in flight per upload, whatever the file's size. */
const STREAM_CHUNK_BYTES = 256 * 1024;
/**
 * The body, written here part by part: values byte for byte (unlike WHATWG FormData, which must turn
 * every LF in a value into CRLF, and would so change every multi-line description), names and the
 * filename escaped as browsers do. The file part's bytes are read again for every attempt.
 */
function multipartBody(fields, file, options = {}) {
    const { trailing } = options;
    const boundary = options.boundary ?? newBoundary(fields);
    const part = (name, value) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`;
    const head = Buffer.from(fields.map(([name, value]) => part(name, value)).join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n');
    const tail = (values) => Buffer.from(`\r\n${values.map((value, i) => part(trailing.shape[i][0], value)).join('')}--${boundary}--\r\n`);
    const tailLength = tail((trailing?.shape ?? []).map(([, bytes]) => 'x'.repeat(bytes))).length;
    const changed = (read) => new Error(`${file.filename} changed size while it was being uploaded (${file.size} bytes expected, ${read} read)`);
    const closing = (reader) => {
        const values = reader?.values() ?? [];
        const bytes = tail(values);
        if (bytes.length !== tailLength)
            throw new Error(`the fields after ${file.filename} are not the length promised`);
        return bytes;
    };
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        length: head.length + file.size + tailLength,
        async *open() {
            const reader = await trailing?.start();
            if (file.size <= ONE_BUFFER_BYTES) {
                const content = await (0,promises_.readFile)(file.path);
                if (content.length !== file.size)
                    throw changed(content.length);
                reader?.update(content);
                yield Buffer.concat([head, content, closing(reader)]);
                return;
            }
            yield head;
            let read = 0;
            for await (const chunk of (0,external_node_fs_.createReadStream)(file.path, {
                highWaterMark: STREAM_CHUNK_BYTES,
            })) {
                read += chunk.length;
                if (read > file.size)
                    throw changed(read);
                reader?.update(chunk);
                yield chunk;
            }
            if (read !== file.size)
                throw changed(read);
            yield closing(reader);
        },
    };
}
function newBoundary(fields) {
    for (;;) {
        const boundary = `pypi-oidc-publish-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
        if (!fields.some(([, value]) => value.includes(boundary)))
            return boundary;
    }
}
/** The escaping browsers use in Content-Disposition parameters (HTML's multipart/form-data encoding). */
function quote(value) {
    return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

;// CONCATENATED MODULE: ./src/index/preparation.ts


/**
 * Whether a file is hashed before its upload: one small enough to be sent as one buffer is, in the
 * background while the token exchange and earlier uploads run, and its digests go where twine puts
 * them; a larger one is read once, by its upload, which hashes it on the way and sends the digests
 * after it (the index parses the whole form before it looks at any field).
 */
function hashedFirst(dist) {
    return dist.size <= ONE_BUFFER_BYTES;
}
/**
 * Starts hashing the small dists one after the other, in their order, in the background: an upload
 * waits only for its own file while later files are hashed during earlier uploads. `onHashed` sees
 * each file's digests as they come.
 */
function prepareInBackground(checked, onHashed) {
    const first = checked.flatMap(({ dist }, index) => (hashedFirst(dist) ? [index] : []));
    const queued = hashInOrder(first.map((index) => checked[index].dist));
    const hashes = checked.map(() => undefined);
    for (const [at, index] of first.entries())
        hashes[index] = queued[at];
    // A failed hash reaches whoever awaits the file; here it is only not noted.
    const noted = (index) => hashes[index].then((digests) => {
        onHashed(index, digests);
    }, () => undefined);
    const started = first.map(noted);
    const hashOf = (index) => {
        if (!hashes[index]) {
            const dist = checked[index].dist;
            hashes[index] = hashFile(dist.path, dist.size);
            started.push(noted(index));
        }
        return hashes[index];
    };
    const at = async (index) => {
        const hash = hashes[index];
        return hash ? { ...checked[index], digests: await hash } : { ...checked[index] };
    };
    return {
        at,
        all: () => Promise.all(checked.map(async (item, index) => ({ ...item, digests: await hashOf(index) }))),
        get settled() {
            return Promise.all(started);
        },
    };
}

// EXTERNAL MODULE: ./src/index/retry.ts
var retry = __webpack_require__(5434);
;// CONCATENATED MODULE: ./src/index/schedule.ts
/**
 * Runs `task` for every item: the first alone (its answer surfaces authentication and name problems
 * before anything else is sent), then up to `parallel` at once, started in the items' order. After a
 * failure no new task starts, and those under way finish; then the first failure is thrown.
 */
async function runFirstThenParallel(items, parallel, task) {
    const [first, ...rest] = items;
    if (first === undefined)
        return;
    await task(first, 0);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < rest.length) {
            const index = next++;
            try {
                await task(rest[index], index + 1);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, parallel), rest.length) }, worker));
    if (failure)
        throw failure.error;
}

;// CONCATENATED MODULE: ./src/index/simple-index.ts




const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json';
/**
 * The simple index (PEP 503/691) that holds what the upload URL publishes: known for PyPI and
 * TestPyPI, given by 'check-url' for other indexes, else unknown.
 */
function simpleIndexFor(uploadUrl, checkUrl) {
    if (checkUrl)
        return checkUrl;
    if (uploadUrl.host === 'upload.pypi.org')
        return new URL('https://pypi.org/simple/');
    if (uploadUrl.host === 'test.pypi.org')
        return new URL('https://test.pypi.org/simple/');
    return undefined;
}
/** The sha256 of every file the index lists for a project, by filename; empty if it has no such project. */
async function listedDigests(simpleUrl, project, credentials) {
    // Percent-encoded, so that no name (`\\host:port`, `?`, `#`) can make this URL leave the simple API.
    const url = new URL(`${encodeURIComponent(normalizeName(project))}/`, simpleUrl.href.endsWith('/') ? simpleUrl : new URL(`${simpleUrl.href}/`));
    const headers = { accept: `${SIMPLE_JSON}, text/html;q=0.1` };
    let response;
    try {
        response = await (0,http/* send */.tN)(url, { headers, idleTimeoutMs: 60_000, ...(credentials ? { credentials } : {}) });
    }
    catch (error) {
        (0,retry/* retryOnTransport */.Tj)(error, (transport) => lookupFailed(url, transport.message, transport));
    }
    (0,retry/* retryOnStatus */.YS)(response, `${(0,http/* statusLine */.Bs)(response.status)}: ${(0,http/* serverMessage */.x_)(response)}`, lookupFailed(url, `${(0,http/* statusLine */.Bs)(response.status)}: ${(0,http/* serverMessage */.x_)(response)}`));
    if (response.status === 404)
        return new Map();
    if (response.status !== 200)
        throw lookupFailed(url, `${(0,http/* statusLine */.Bs)(response.status)}: ${(0,http/* serverMessage */.x_)(response)}`);
    const contentType = response.headers['content-type'] ?? '';
    return contentType.includes('json') ? parseSimpleJson(response.body) : parseSimpleHtml(response.body);
}
function lookupFailed(url, reason, cause) {
    return new common_errors/* PublishError */.S1(`Could not read the index's file list at ${url.href}: ${reason}.`, {
        cause,
        hint: "Set 'check-url' to the index's simple API (for example https://my-index.example/simple/), or leave skip-existing off.",
    });
}
function parseSimpleJson(body) {
    const files = new Map();
    const parsed = (0,http/* parseJson */.qF)(body);
    if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.files))
        return files;
    for (const file of parsed.files) {
        if (!file || typeof file !== 'object' || typeof file.filename !== 'string')
            continue;
        const sha256 = file.hashes && typeof file.hashes === 'object' ? file.hashes.sha256 : undefined;
        files.set(file.filename, typeof sha256 === 'string' ? sha256.toLowerCase() : undefined);
    }
    return files;
}
/** PEP 503: anchors whose text is the filename and whose URL may end in `#sha256=<hex>`. */
function parseSimpleHtml(body) {
    const files = new Map();
    for (const match of body.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']*)["'][^>]*>([^<]*)<\/a>/gi)) {
        const href = decodeEntities(match[1]);
        const name = decodeEntities(match[2]).trim() || safeDecode(href.split('#')[0].split('/').pop() ?? '');
        const sha256 = /#(?:.*&)?sha256=([0-9a-fA-F]{64})/.exec(href)?.[1];
        files.set(name, sha256?.toLowerCase());
    }
    return files;
}
const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** One pass, so that `&amp;lt;` stays `&lt;`. */
function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name) => {
        if (name.startsWith('#'))
            return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
        return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    });
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./src/index/upload.ts








/** The project's name as its metadata spells it (the filename's, should the field be missing). */
function projectName(prepared) {
    return getField(prepared.metadata, 'Name') ?? prepared.dist.name;
}
/**
 * The form for one file, in the order twine sends it, `content` added by the encoder. Without
 * digests known, the digest fields are left out: they follow the file (digestsAfterFile).
 */
function uploadFormFields(prepared) {
    const { dist, digests } = prepared;
    return [
        ...metadataFormFields(prepared.metadata),
        ['pyversion', dist.pyversion],
        ['filetype', dist.kind === 'wheel' ? 'bdist_wheel' : 'sdist'],
        ...(digests ? digestFields(digests) : []),
        ...(prepared.attestations ? [['attestations', prepared.attestations]] : []),
        [':action', 'file_upload'],
        ['protocol_version', '1'],
    ];
}
function digestFields(digests) {
    return [
        ['sha256_digest', digests.sha256],
        ['blake2_256_digest', digests.blake2_256],
    ];
}
/** Hex digests: their length is known before the file is read, so Content-Length is too. */
const HEX_DIGEST_LENGTH = 64;
/**
 * The digest fields after the file, hashed as it is sent: one pass over a large file. Warehouse
 * parses the whole form before it reads any field (file_upload's first access to request.POST), so
 * the order does not matter to it, nor to pypiserver. `found` gets the digests of every attempt
 * that read the whole file.
 */
function digestsAfterFile(found) {
    return {
        shape: [
            ['sha256_digest', HEX_DIGEST_LENGTH],
            ['blake2_256_digest', HEX_DIGEST_LENGTH],
        ],
        async start() {
            const digester = await createDigester();
            return {
                update: (chunk) => {
                    digester.update(chunk);
                },
                values: () => {
                    const digests = digester.digest();
                    found(digests);
                    return digestFields(digests).map(([, value]) => value);
                },
            };
        },
    };
}
/**
 * Uploads one file: with skip-existing, first asks the index whether it has the file (same sha256:
 * skip; different: error); then posts it, retrying network errors, 429 and 5xx with a body rebuilt
 * from disk each time. "Already exists" is checked against the index's sha256, so that an upload
 * whose answer was lost counts as done while different content is never mistaken for it.
 */
async function publishDist(context, prepared) {
    const started = Date.now();
    const { dist } = prepared;
    let digests = prepared.digests;
    // Our sha256 for a comparison with the index's copy: a file not hashed yet is read for it now.
    const sha256 = async () => (digests ??= await hashFile(dist.path, dist.size)).sha256;
    if (context.skipExisting) {
        const stored = await storedCopy(context, prepared, sha256);
        if (stored.kind === 'same')
            return {
                result: 'skipped',
                note: 'the index has this file with the same sha256',
                milliseconds: Date.now() - started,
                attempts: 0,
                digests,
            };
        if (stored.kind === 'different')
            throw differentContent(context.url, dist, await sha256(), stored.sha256);
    }
    // Hashed first: the digests where twine puts them. Otherwise each attempt hashes what it sends.
    const trailing = prepared.digests
        ? undefined
        : digestsAfterFile((found) => {
            digests = found;
        });
    const form = uploadFormFields(prepared);
    let renewed = false;
    return (0,retry/* withRetries */.LH)(`Uploading ${dist.filename}`, context.retry, context.log, async (attempt) => {
        const credentials = await context.credentials.current();
        if (trailing)
            digests = undefined;
        const response = await post(context, prepared, form, trailing, credentials);
        const done = (result, note) => ({
            result,
            status: response.status,
            milliseconds: Date.now() - started,
            attempts: attempt,
            digests,
            ...(note ? { note } : {}),
        });
        const refused = uploadRefused(context.url, credentials, prepared, response);
        if (response.status >= 200 && response.status < 300)
            return done('uploaded');
        if ((0,retry/* isRetryableStatus */.PS)(response.status)) {
            throw new retry/* RetryableFailure */.jn(`${(0,http/* statusLine */.Bs)(response.status)}: ${(0,http/* serverMessage */.x_)(response)}`, refused, (0,retry/* retryAfterMs */.Vs)(response.headers['retry-after']));
        }
        if (response.status === 403 &&
            /expired/i.test((0,http/* serverMessage */.x_)(response)) &&
            context.credentials.trustedPublishing &&
            !renewed) {
            renewed = true;
            await context.credentials.renew(credentials.password);
            throw new retry/* RetryableFailure */.jn('the index said the upload token had expired; minted a new one', refused, 0);
        }
        if (!isAlreadyExists(response))
            throw refused;
        const copy = await storedCopy(context, prepared, sha256);
        // A CDN-cached listing may not show a file stored seconds ago.
        const stored = copy.kind === 'absent' ? { kind: 'unknown', reason: 'the simple API does not list it yet' } : copy;
        if (stored.kind === 'same') {
            return attempt > 1
                ? done('uploaded', 'an earlier attempt stored it (its answer was lost); the index has the same sha256')
                : done('skipped', 'the index has this file with the same sha256');
        }
        if (stored.kind === 'different')
            throw differentContent(context.url, dist, await sha256(), stored.sha256);
        if (context.skipExisting) {
            context.warn(`${dist.filename}: the index says it has this file, but its content could not be compared (${stored.reason}); skipping it without knowing that it is identical.`);
            return done('skipped', 'the index says it has this file (content not compared)');
        }
        if (attempt > 1) {
            throw new common_errors/* PublishError */.S1(`${context.url.host} says it already has ${dist.filename}, after an earlier attempt was cut off: that attempt probably stored it, but the content could not be compared (${stored.reason}).`, {
                file: dist.filename,
                hint: "Check the file on the index against this run's sha256 (print-hash: true); set 'check-url' to the index's simple API so that this is checked automatically.",
            });
        }
        throw refused;
    });
}
async function post(context, prepared, form, trailing, credentials) {
    const { dist } = prepared;
    const body = multipartBody(form, { field: 'content', filename: dist.filename, path: dist.path, size: dist.size }, { trailing });
    try {
        return await (0,http/* send */.tN)(context.url, {
            method: 'POST',
            headers: {
                'content-type': body.contentType,
                'content-length': String(body.length),
                accept: 'application/json',
            },
            credentials: { authorization: basicAuthorization(credentials), origin: context.url.origin },
            body: () => body.open(),
            idleTimeoutMs: context.idleTimeoutMs,
        });
    }
    catch (error) {
        const reason = error.message;
        throw new retry/* RetryableFailure */.jn(reason, new common_errors/* PublishError */.S1(`Uploading ${dist.filename} failed: ${reason}.`, {
            file: dist.filename,
            hint: 'The connection to the index kept failing; re-run the job with skip-existing: true, which skips files already stored (after comparing their sha256).',
        }));
    }
}
function basicAuthorization({ user, password }) {
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
/** What the index's simple API says about this filename, compared with our sha256 (asked for only then). */
async function storedCopy(context, prepared, ourSha256) {
    if (!context.simpleIndex)
        return { kind: 'unknown', reason: "the index's simple API is not known; set 'check-url'" };
    const project = projectName(prepared);
    // Only an index on the upload URL's origin (a private index) gets them, which the HTTP layer enforces.
    const sameOrigin = context.simpleIndex.origin === context.url.origin;
    try {
        const credentials = sameOrigin
            ? { authorization: basicAuthorization(await context.credentials.current()), origin: context.url.origin }
            : undefined;
        const listing = await (0,retry/* withRetries */.LH)(`Looking up ${prepared.dist.filename} on the index`, context.retry, context.log, () => listedDigests(context.simpleIndex, project, credentials));
        if (!listing.has(prepared.dist.filename))
            return { kind: 'absent' };
        const sha256 = listing.get(prepared.dist.filename);
        if (!sha256)
            return { kind: 'unknown', reason: 'the index lists the file without a sha256' };
        return sha256 === (await ourSha256()) ? { kind: 'same' } : { kind: 'different', sha256 };
    }
    catch (error) {
        if (!(error instanceof common_errors/* PublishError */.S1))
            throw error;
        context.warn(error.message);
        return { kind: 'unknown', reason: error.message };
    }
}
function differentContent(url, dist, ours, theirs) {
    return new common_errors/* PublishError */.S1(`${url.host} already has ${dist.filename} with different content: the index's sha256 is ${theirs}, this file's is ${ours}.`, {
        file: dist.filename,
        hint: 'A file on an index can never be replaced. Bump the version (for example to a .post1 release), rebuild and publish again; if this version was rebuilt by accident, publish the original files instead.',
    });
}
/** How indexes say the file is there already: pypiserver 409, Warehouse 400 "File already exists". */
function isAlreadyExists(response) {
    const message = (0,http/* serverMessage */.x_)(response).toLowerCase();
    return (response.status === 409 ||
        (response.status === 400 && message.includes('already exist')) ||
        (response.status === 403 && message.includes('overwrite artifact')));
}
function uploadRefused(url, credentials, prepared, response) {
    const { dist } = prepared;
    const message = (0,http/* serverMessage */.x_)(response);
    const lower = message.toLowerCase();
    const status = response.status;
    const name = projectName(prepared);
    let hint;
    if (status === 403 && lower.includes('ssl is required')) {
        hint = "Use an https:// 'repository-url'.";
    }
    else if (status === 401 || status === 403) {
        hint = credentials.trustedPublishing
            ? `The upload token minted by trusted publishing is valid only for projects that have this repository and workflow as a trusted publisher. Add it on the index for '${name}' (or a pending publisher, for a new project).`
            : `Check the API token in 'password': it must be for this index (TestPyPI and PyPI tokens differ), not expired or revoked, and scoped to the project '${name}' (or the whole account). With an API token, 'user' must be __token__.`;
    }
    else if (lower.includes('non-user identities cannot create new projects')) {
        hint = `Trusted publishing can create the project '${name}' only through a pending publisher: add one on the index (for PyPI: https://pypi.org/manage/account/publishing/) with exactly this project name, repository, workflow file and environment. If the project exists, check that the name in the metadata is the project's.`;
    }
    else if (isAlreadyExists(response)) {
        hint = `A file with this name is already on the index, and files are immutable there. Bump the version and rebuild, or set 'skip-existing: true' to leave files already there alone (set 'check-url' too, for an index other than PyPI, so that their content is compared).`;
    }
    else if (lower.includes('older than 14 days')) {
        hint = `PyPI closes a release to new files 14 days after it was created. Publish these files as a new version of '${name}' (for example a .post1 release); a dry run (dry-run: true) shows this before uploading.`;
    }
    else if (status === 413 || lower.includes('too large')) {
        hint =
            "PyPI's limit is 100 MiB per file and 10 GiB per project, unless raised for the project; ask for more at https://github.com/pypi/support, or make the file smaller.";
    }
    else if (status === 301 || status === 302 || status === 303 || status === 307 || status === 308) {
        const location = response.headers.location;
        hint = `The index redirects uploads${location ? ` to ${location}` : ''}, on another host or as a GET, which is not followed (credentials would go with it); set 'repository-url' to the upload URL itself (for PyPI https://upload.pypi.org/legacy/).`;
    }
    else if (status === 405) {
        hint =
            'This URL does not take uploads: you may be using the simple-index or project URL instead of the upload URL (PyPI: https://upload.pypi.org/legacy/, TestPyPI: https://test.pypi.org/legacy/).';
    }
    else if (status === 410) {
        hint =
            'This upload URL is no longer in service; use https://upload.pypi.org/legacy/ (or https://test.pypi.org/legacy/).';
    }
    else if (status === 404) {
        hint = `There is no upload endpoint at ${url.href}; check 'repository-url'.`;
    }
    else if (status === 429) {
        hint = 'The index kept rate-limiting uploads; wait a few minutes and re-run with skip-existing: true.';
    }
    else if (status >= 500) {
        hint =
            'The index kept failing; re-run the job later with skip-existing: true (files already stored are then skipped after comparing their sha256).';
    }
    else {
        hint =
            "The index refused the file's metadata or name: fix what the message names (in pyproject.toml, usually) and rebuild.";
    }
    return new common_errors/* PublishError */.S1(`${url.host} refused ${dist.filename}: ${(0,http/* statusLine */.Bs)(status)}: ${message}`, {
        file: dist.filename,
        hint,
    });
}
/** Field names with short values; long ones (the description) only by length. */
function describeFields(fields) {
    return fields
        .map(([name, value]) => value.length > 80 || /[\r\n]/.test(value) ? `${name}=<${value.length} characters>` : `${name}=${(0,log_text/* outside */.q)(value)}`)
        .join(', ');
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/attest/endpoints.ts
var attest_endpoints = __webpack_require__(9867);
;// CONCATENATED MODULE: ./src/attest/messages.ts


const WAY_OUT = "or set 'attestations: false' to upload without attestations";
/** What failed while signing, where, and the way out; nothing has been uploaded at that point. */
function signingError(failure, endpoints, filename) {
    const cause = (0,attest_endpoints/* describeCause */.V$)(failure.cause);
    switch (failure.step) {
        case 'token':
            return new common_errors/* PublishError */.S1(`Nothing was uploaded: signing the PEP 740 attestation for ${filename} failed at the first step, getting an OIDC token for Sigstore (audience 'sigstore') from GitHub's runner: ${cause}`, {
                file: filename,
                hint: `Give the job 'permissions: id-token: write' (needed for trusted publishing anyway) and re-run; if it has it, GitHub's token service failed: re-run the job later, ${WAY_OUT}.`,
            });
        case 'fulcio':
            return new common_errors/* PublishError */.S1(`Nothing was uploaded: signing the PEP 740 attestation for ${filename} failed at Sigstore's certificate authority, Fulcio (${endpoints.fulcio.href}), which did not issue a signing certificate: ${cause}`, {
                file: filename,
                hint: `A 401 or 403 means Fulcio refused the runner's OIDC token; a 5xx or a network error means Fulcio is failing (see https://status.sigstore.dev). Re-run the job later, ${WAY_OUT}.`,
            });
        case 'rekor':
            return new common_errors/* PublishError */.S1(`Nothing was uploaded: signing the PEP 740 attestation for ${filename} failed at Sigstore's transparency log, Rekor (${endpoints.rekor.href}), which did not record the signature: ${cause}`, {
                file: filename,
                hint: `Rekor is failing or unreachable (see https://status.sigstore.dev); re-run the job later, ${WAY_OUT}.`,
            });
    }
}
/** PyPI's "Invalid attestations supplied during upload: …", with what usually causes it. */
function explainAttestationRefusal(error) {
    if (!(error instanceof common_errors/* PublishError */.S1) || !/invalid attestations supplied during upload/i.test(error.message))
        return undefined;
    return new common_errors/* PublishError */.S1(error.message, {
        file: error.file,
        details: error.details,
        hint: "PyPI verified the file's attestations against this project's trusted publisher and refused them. Usually the certificate's identity does not match the publisher: " +
            'a reusable workflow (the Build Config URI names the calling workflow), a publisher registered for another workflow file, repository or environment, or a pre-made attestation in packages-dir signed elsewhere. ' +
            `Run with 'verbose: true' to see the certificate's identity, compare it with the publisher on PyPI, ${WAY_OUT}.`,
    });
}

// EXTERNAL MODULE: ./src/attest/pep740.ts
var pep740 = __webpack_require__(6191);
// EXTERNAL MODULE: ./src/common/urls.ts
var urls = __webpack_require__(8299);
;// CONCATENATED MODULE: ./src/attest/policy.ts

/**
 * Test-only: the origin of a local index on this machine to treat like PyPI for attestations.
 * Honoured only when it equals the repository URL's origin and that is a loopback address, so it
 * cannot make the action send attestations (or an OIDC token to Fulcio) anywhere it would not anyway.
 */
const TEST_INDEX_VARIABLE = 'PYPI_OIDC_PUBLISH_TEST_ATTESTATION_INDEX';
const SILENCE = "Set 'attestations: false' to upload without them and without this notice.";
/** Whether this run makes attestations: trusted publishing to PyPI or TestPyPI only (exact hosts). */
function attestationPolicy(repositoryUrl, trustedPublishing, wanted, env) {
    if (!wanted)
        return { attest: false, notice: undefined };
    if (!trustedPublishing) {
        return {
            attest: false,
            notice: `No PEP 740 attestations were made: they need trusted publishing, and this run uploads with an API token ('password'), with which PyPI refuses them. Switch to trusted publishing (leave 'password' empty, give the job 'permissions: id-token: write') to get them. ${SILENCE}`,
        };
    }
    const index = pypiIndex(repositoryUrl) ?? testIndex(repositoryUrl, env[TEST_INDEX_VARIABLE]);
    if (index)
        return { attest: true, index };
    return {
        attest: false,
        notice: `No PEP 740 attestations were made: ${repositoryUrl.host} is not PyPI (upload.pypi.org) or TestPyPI (test.pypi.org), the only indexes that verify and show them. ${SILENCE}`,
    };
}
function pypiIndex(url) {
    if (url.protocol !== 'https:')
        return undefined;
    if (url.host === 'upload.pypi.org')
        return 'PyPI';
    if (url.host === 'test.pypi.org')
        return 'TestPyPI';
    return undefined;
}
function testIndex(url, variable) {
    if (!variable || !(0,urls/* isLoopbackHost */.cW)(url.hostname))
        return undefined;
    try {
        return new URL(variable).origin === url.origin
            ? `the local test index ${url.origin} (${TEST_INDEX_VARIABLE})`
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * In a reusable workflow, job_workflow_ref (the called file, which PyPI matches when minting the
 * token) differs from workflow_ref (the caller, which Fulcio writes as the Build Config URI and
 * PyPI compares with the publisher when verifying): one publisher cannot match both.
 */
function reusableWorkflowSkip(claims) {
    const caller = claims.workflow_ref;
    const called = claims.job_workflow_ref;
    if (typeof caller !== 'string' || typeof called !== 'string' || caller === called)
        return undefined;
    return (`Uploading without PEP 740 attestations: this job runs in the reusable workflow ${called}, called from ${caller}. ` +
        `PyPI verifies an attestation's Build Config URI (https://github.com/${caller}, the calling workflow) against the trusted publisher, ` +
        `whose workflow must be the reusable one (${called.split('@')[0].split('/').pop()}) for the token exchange; no publisher can match both, so PyPI would refuse the upload with "Invalid attestations supplied during upload". ` +
        "To get attestations, publish from a job in the workflow that is triggered, not from a reusable workflow; set 'attestations: false' to silence this warning.");
}

;// CONCATENATED MODULE: ./src/attest/premade.ts




/** No real attestation comes near this; a bigger file is not read into memory. */
const MAX_ATTESTATION_BYTES = 1024 * 1024;
const KIND_SUFFIX = /^[A-Za-z0-9_-]+\.attestation$/;
function isAttestationFilename(name) {
    return /^.+\.[A-Za-z0-9_-]+\.attestation$/.test(name);
}
/**
 * Reads every `<dist>.<kind>.attestation` in packages-dir and checks it against its dist: the
 * subject's name and sha256 must be the dist's, at most one per predicate type, only types PyPI
 * accepts. Every problem is reported at once; files without a dist are returned as orphans.
 */
async function findPremadeAttestations(directory, dists) {
    const names = (await (0,promises_.readdir)(directory)).filter(isAttestationFilename).sort();
    const byDist = new Map();
    const orphans = [];
    const problems = [];
    for (const file of names) {
        const dist = dists.find((d) => file.startsWith(`${d.filename}.`) && KIND_SUFFIX.test(file.slice(d.filename.length + 1)));
        if (!dist) {
            orphans.push(file);
            continue;
        }
        try {
            const premade = await readPremade((0,external_node_path_.join)(directory, file), file, dist);
            const list = byDist.get(dist.filename) ?? [];
            const twin = list.find((other) => other.predicateType === premade.predicateType);
            if (twin) {
                throw new common_errors/* PublishError */.S1(`${twin.file} and ${file} are both ${(0,pep740/* predicateLabel */.cF)(premade.predicateType)} attestations for ${dist.filename}; PyPI takes one per predicate type.`, {
                    file,
                    hint: 'Keep one of them in packages-dir.',
                });
            }
            byDist.set(dist.filename, [...list, premade]);
        }
        catch (error) {
            if (!(error instanceof common_errors/* PublishError */.S1))
                throw error;
            problems.push(error);
        }
    }
    if (problems.length)
        throw (0,common_errors/* combineErrors */.Lt)(problems);
    return { byDist, orphans };
}
async function readPremade(path, file, dist) {
    const info = await (0,promises_.stat)(path);
    if (!info.isFile())
        throw new common_errors/* PublishError */.S1(`${file} in packages-dir is not a regular file.`, {
            file,
            hint: 'Remove it from packages-dir.',
        });
    if (info.size > MAX_ATTESTATION_BYTES) {
        throw new common_errors/* PublishError */.S1(`${file} is ${info.size} bytes, too large for a PEP 740 attestation (real ones are a few KiB).`, { file, hint: 'Remove it from packages-dir, or regenerate it with the tool that made it.' });
    }
    const { attestation, subject } = (0,pep740/* parsePep740 */.i7)(await (0,promises_.readFile)(path, 'utf8'), file);
    if (subject.name !== dist.filename || subject.sha256 !== dist.sha256) {
        throw new common_errors/* PublishError */.S1(`${file} does not attest ${dist.filename}: its subject is ${subject.name} with sha256 ${subject.sha256}, but the file in packages-dir is ${dist.filename} with sha256 ${dist.sha256}.`, {
            file,
            hint: 'The attestation was made for another build of this file. Remove it, or re-create it for the file being uploaded (rebuilding after signing changes the sha256).',
        });
    }
    if (!pep740/* PYPI_PREDICATE_TYPES */.TR.includes(subject.predicateType)) {
        throw new common_errors/* PublishError */.S1(`${file} has the predicate type ${subject.predicateType}, which PyPI does not accept (only ${pep740/* PYPI_PREDICATE_TYPES */.TR.join(' and ')}).`, {
            file,
            hint: 'Remove it from packages-dir; keep such attestations elsewhere (for example as a release asset).',
        });
    }
    return { path, file, predicateType: subject.predicateType, attestation };
}
function hasPremadePublish(list) {
    return Boolean(list?.some((p) => p.predicateType === pep740/* PUBLISH_PREDICATE_TYPE */.hF));
}

;// CONCATENATED MODULE: ./src/attest/attest.ts









const NONE = { byFile: new Map(), written: [] };
const TIMEOUT_MS = 30_000;
/**
 * Decides whether this run attests, collects pre-made attestations from packages-dir, and signs a
 * publish attestation for every dist without one. Nothing is written into packages-dir: the signed
 * objects go to a new directory under RUNNER_TEMP.
 */
async function attestDists(dists, inputs, request) {
    const { io } = request;
    const policy = attestationPolicy(inputs.repositoryUrl, !inputs.password, inputs.attestations, request.env);
    if (!policy.attest) {
        const premade = (await (0,promises_.readdir)(inputs.packagesDir)).filter(isAttestationFilename);
        if (policy.notice)
            io.notice(policy.notice +
                (premade.length
                    ? ` The attestation files in packages-dir (${premade.join(', ')}) are not uploaded either.`
                    : ''));
        else if (premade.length)
            io.info(`'attestations: false': the attestation files in packages-dir (${premade.join(', ')}) are not uploaded.`);
        return NONE;
    }
    const { byDist: premade, orphans } = await findPremadeAttestations(inputs.packagesDir, dists);
    if (orphans.length)
        io.warning(`Not uploaded, as no distribution in packages-dir has their names' first part: ${orphans.join(', ')}. An attestation file is named <distribution file>.<kind>.attestation.`, 'Attestations');
    const toSign = dists.filter((dist) => !hasPremadePublish(premade.get(dist.filename)));
    for (const [filename, list] of premade) {
        io.info(`Using what was made beforehand for ${filename}: ${list.map((p) => p.file).join(', ')}`);
    }
    const signed = toSign.length ? await signPublishAttestations(toSign, inputs, request, policy.index) : undefined;
    if (signed === 'skipped')
        return NONE;
    const made = signed?.made ?? new Map();
    const byFile = new Map();
    for (const dist of dists) {
        const list = [
            ...(made.has(dist.filename)
                ? [{ predicateType: pep740/* PUBLISH_PREDICATE_TYPE */.hF, attestation: made.get(dist.filename), premade: false }]
                : []),
            ...(premade.get(dist.filename) ?? []).map((p) => ({ ...p, premade: true })),
        ];
        if (!list.length)
            continue;
        byFile.set(dist.filename, {
            field: JSON.stringify(list.map((entry) => entry.attestation)),
            labels: list.map((entry) => `${(0,pep740/* predicateLabel */.cF)(entry.predicateType)}${entry.premade ? ' (pre-made)' : ''}`),
        });
    }
    return { byFile, written: signed?.written ?? [] };
}
/** Signs a publish attestation for each dist; 'skipped' in a reusable workflow (after warning why). */
async function signPublishAttestations(toSign, inputs, request, index) {
    const { io } = request;
    const made = new Map();
    const written = [];
    const { endpoints, custom } = (0,attest_endpoints/* sigstoreEndpoints */.$u)(request.env);
    if (custom)
        io.warning(`Signing with the Sigstore instance at ${endpoints.fulcio.href} and ${endpoints.rekor.href}, not Sigstore's public instance; PyPI accepts only attestations from the public one.`, 'Attestations');
    let token;
    try {
        token = await request.identityToken('sigstore');
    }
    catch (error) {
        throw signingError(new attest_endpoints/* SigningFailure */.GV('token', error), endpoints, toSign[0].filename);
    }
    const reusable = reusableWorkflowSkip(request.claimsOf(token));
    if (reusable) {
        io.warning(reusable, 'Attestations');
        return 'skipped';
    }
    io.info(`Signing PEP 740 publish attestations for ${toSign.length} file${toSign.length === 1 ? '' : 's'} with Sigstore (${endpoints.fulcio.host}, ${endpoints.rekor.host}), for ${index}.`);
    const { createPublishSigner } = await Promise.all(/* import() */[__webpack_require__.e(917), __webpack_require__.e(179), __webpack_require__.e(283)]).then(__webpack_require__.bind(__webpack_require__, 2283));
    const signer = createPublishSigner({
        endpoints,
        identityToken: () => Promise.resolve(token),
        retries: inputs.retries,
        retryDelayMs: request.retryDelayMs,
        timeoutMs: TIMEOUT_MS,
    });
    const directory = await (0,promises_.mkdtemp)((0,external_node_path_.join)(request.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'pypi-oidc-publish-attestations-'));
    const started = Date.now();
    for (const dist of toSign) {
        let attestation;
        try {
            attestation = await signer.sign((0,pep740/* publishStatement */.zj)(dist.filename, dist.sha256));
        }
        catch (error) {
            if (error instanceof attest_endpoints/* SigningFailure */.GV)
                throw signingError(error, endpoints, dist.filename);
            throw error;
        }
        if (made.size === 0 && inputs.verbose) {
            const { certificateIdentity, describeIdentity } = await Promise.all(/* import() */[__webpack_require__.e(917), __webpack_require__.e(866)]).then(__webpack_require__.bind(__webpack_require__, 4866));
            io.info(`  signing certificate: ${describeIdentity(certificateIdentity(Buffer.from(attestation.verification_material.certificate, 'base64')))}`);
        }
        made.set(dist.filename, attestation);
        const path = (0,external_node_path_.join)(directory, `${dist.filename}.publish.attestation`);
        await (0,promises_.writeFile)(path, JSON.stringify(attestation));
        written.push(path);
    }
    io.info(`Signed ${made.size} attestation${made.size === 1 ? '' : 's'} in ${Date.now() - started} ms; written to ${directory}`);
    return { made, written };
}
/** Thrown by the uploader; rewritten with attestation advice when PyPI refused the attestations. */
function withAttestationAdvice(error) {
    return explainAttestationRefusal(error) ?? error;
}

// EXTERNAL MODULE: ./src/common/index-urls.ts
var index_urls = __webpack_require__(184);
;// CONCATENATED MODULE: ./src/report/report.ts




/** A file's line in the outputs and the summary; its digests are empty until known. */
function fileReport(prepared, result, indexUrl) {
    const site = (0,index_urls/* warehouseSite */.v)(indexUrl);
    const name = projectName(prepared);
    const version = getField(prepared.metadata, 'Version') ?? prepared.dist.version;
    return {
        filename: prepared.dist.filename,
        size: prepared.digests?.size ?? prepared.dist.size,
        sha256: prepared.digests?.sha256 ?? '',
        blake2_256: prepared.digests?.blake2_256 ?? '',
        result,
        ...(site ? { url: `${site}/project/${encodeURIComponent(name)}/${encodeURIComponent(version)}/` } : {}),
    };
}
/** The `uploaded` and `skipped` outputs: JSON arrays of { filename, size, sha256, url? }. */
function outputs(reports) {
    const pick = (result) => JSON.stringify(reports
        .filter((r) => r.result === result)
        .map(({ filename, size, sha256, url }) => ({ filename, size, sha256, ...(url ? { url } : {}) })));
    return { uploaded: pick('uploaded'), skipped: pick('skipped') };
}
const RESULT_LABEL = {
    uploaded: '✅ uploaded',
    skipped: '⏭️ skipped (already there)',
    failed: '❌ failed',
    'not attempted': '⏸️ not attempted',
};
function summaryMarkdown(indexUrl, reports, failure) {
    const lines = [`### Publishing to ${indexUrl.host}`, ''];
    if (failure) {
        const [headline = '', ...rest] = failure.message.split('\n');
        lines.push(`**Failed:** ${(0,markdown/* markdownCell */.U)(headline)}`, '');
        if (failure.details)
            lines.push(failure.details, '');
        else if (rest.length)
            lines.push('```text', ...rest.map((line) => line.replace(/```/g, "'''")), '```', '');
    }
    if (reports.length) {
        // The attestations column only when some file carries one; otherwise a notice says why none.
        const attested = reports.some((r) => r.attestations?.length);
        lines.push(`| File | Size | SHA-256 | Result |${attested ? ' Attestations |' : ''}`, `| --- | ---: | --- | --- |${attested ? ' --- |' : ''}`);
        for (const report of reports) {
            const file = report.url && report.result !== 'failed' ? `[${report.filename}](${report.url})` : report.filename;
            const attestations = attested ? ` ${(0,markdown/* markdownCell */.U)(report.attestations?.join(', ') || 'none')} |` : '';
            lines.push(`| ${(0,markdown/* markdownCell */.U)(file)} | ${formatSize(report.size)} | \`${report.sha256}\` | ${RESULT_LABEL[report.result]} |${attestations}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (Number(value.toFixed(1)) >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}

;// CONCATENATED MODULE: ./src/report/results.ts



/** Outputs and the job summary. Failing to write them is a warning: it never changes the run's result or hides its error. */
async function writeResults(io, repositoryUrl, reports, attestationPaths, error, dryRunPlan) {
    const unwritten = (what, cause) => {
        io.warning(`Could not write ${what}: ${(0,log_text/* outside */.q)(cause instanceof Error ? cause.message : String(cause))}. The run's result is not affected.`);
    };
    try {
        const { uploaded, skipped } = outputs(reports);
        io.setOutput('uploaded', uploaded);
        io.setOutput('skipped', skipped);
        io.setOutput('attestations', JSON.stringify(attestationPaths));
    }
    catch (cause) {
        unwritten("the step's outputs (GITHUB_OUTPUT)", cause);
    }
    try {
        const failure = error === undefined
            ? undefined
            : error instanceof common_errors/* PublishError */.S1
                ? { message: (0,common_errors/* formatError */.Wk)(error), details: error.details }
                : { message: error instanceof Error ? String(error) : JSON.stringify(error) };
        await io.writeSummary(dryRunPlan ?? summaryMarkdown(repositoryUrl, reports, failure));
    }
    catch (cause) {
        unwritten('the job summary (GITHUB_STEP_SUMMARY)', cause);
    }
}

;// CONCATENATED MODULE: ./src/dry-run/act.ts
/**
 * act has no OIDC: a job there with neither the runner's variables nor a password could only fail
 * with advice about `id-token: write` that is wrong under act (the workflow has it). So it becomes a
 * dry run, which is what running a release workflow locally is for. With a password or with OIDC
 * variables supplied, act runs do what they are asked.
 */
function decideDryRun(signals) {
    if (signals.requested)
        return { dryRun: true };
    if (!signals.underAct || signals.hasPassword || signals.hasOidc)
        return { dryRun: false };
    return {
        dryRun: true,
        notice: 'Running under act (ACT=true) without OIDC variables or a password, so this is a dry run: everything is checked, nothing is uploaded. ' +
            'act gives jobs no OIDC token, whatever `permissions: id-token: write` says. For a real upload from your machine, pass an API token as the `password` input (`act -s PYPI_API_TOKEN` with `password: ${{ secrets.PYPI_API_TOKEN }}`), ' +
            "or point the runner's OIDC variables at a local index (`act --env ACTIONS_ID_TOKEN_REQUEST_URL=… --env ACTIONS_ID_TOKEN_REQUEST_TOKEN=…` with `repository-url` at that index).",
    };
}

;// CONCATENATED MODULE: ./src/dry-run/attestation-plan.ts
// What the real run would do about PEP 740 attestations (src/attest/), told without signing: signing
// writes to Sigstore's public transparency log, which a dry run must not do.


async function planAttestations(context) {
    const policy = attestationPolicy(context.repositoryUrl, context.trustedPublishing, context.enabled, context.env);
    if (!policy.attest) {
        // The real run's notice, in the plan's tense.
        const why = policy.notice?.replace(/^No PEP 740 attestations were made: /, '');
        return { summary: why ? `none: ${why}` : "none ('attestations: false')" };
    }
    // The same checks the real run makes of pre-made files: a bad one fails the dry run too.
    const { byDist } = await findPremadeAttestations(context.packagesDir, context.files);
    const files = new Map();
    for (const { filename } of context.files) {
        const premade = byDist.get(filename) ?? [];
        const notes = premade.map((p) => `${p.file} (made beforehand)`);
        if (!hasPremadePublish(premade))
            notes.unshift('a publish attestation, signed at upload time');
        files.set(filename, notes.join(' + '));
    }
    return {
        summary: `PEP 740 attestations for ${policy.index}, signed with Sigstore during the real run (a dry run does not sign: that writes to the public transparency log).`,
        files,
    };
}

;// CONCATENATED MODULE: ./src/dry-run/plan.ts

/** PyPI refuses new files for releases created longer ago than this (since July 2026). */
const CLOSED_RELEASE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A release is its project and its version as PEP 440 compares them: 1.0 and 1.0.0 are one release. */
function releaseKey(project, version) {
    const canonical = normalizeVersion(version)?.replace(/^((?:\d+!)?\d+(?:\.\d+)*?)(?:\.0+)*(?=$|[^.\d])/, '$1') ?? version;
    return `${normalizeName(project)} ${canonical}`;
}
/**
 * What the real run would do with each file, from what the index already has: an identical file
 * is skipped, a different one under the same name fails (files are immutable), a second sdist for a
 * release fails, and so does a new file for a release older than 14 days. Pure: the look-ups are
 * done before.
 */
function planFiles(input) {
    const sdistsPlanned = new Map();
    return input.files.map((file) => {
        const planned = (action, reason) => ({
            filename: file.filename,
            size: file.size,
            sha256: file.sha256,
            action,
            reason,
        });
        const listing = input.listings.get(normalizeName(file.project)) ?? {
            kind: 'unknown',
            reason: 'the index was not asked',
        };
        const release = input.releases.get(releaseKey(file.project, file.version)) ?? {
            kind: 'unknown',
            reason: 'the index was not asked',
        };
        if (listing.kind === 'known' && listing.files.has(file.filename)) {
            const theirs = listing.files.get(file.filename);
            if (theirs === file.sha256)
                return planned('skip', 'the index has this file with the same sha256');
            if (theirs) {
                return planned('fail', `the index has ${file.filename} with different content (its sha256 is ${theirs}); files on an index can never be replaced: bump the version (for example to a .post1 release) and rebuild`);
            }
            return planned('upload', 'the index lists a file of this name without a sha256, so the content could not be compared: the real run sends it and the index decides');
        }
        const key = releaseKey(file.project, file.version);
        if (file.kind === 'sdist') {
            const otherSdist = [
                ...sdistsOf(listing, file.project, file.version),
                ...(release.kind === 'known' ? release.sdists : []),
                ...(sdistsPlanned.has(key) ? [sdistsPlanned.get(key)] : []),
            ].find((name) => name !== file.filename);
            if (otherSdist)
                return planned('fail', `only one sdist may be uploaded per release, and ${file.project} ${file.version} ${sdistsPlanned.get(key) === otherSdist ? 'gets' : 'has'} ${otherSdist} already: upload only one sdist, or bump the version`);
            sdistsPlanned.set(key, file.filename);
        }
        if (release.kind === 'known' &&
            release.createdAt &&
            input.now.getTime() - release.createdAt.getTime() > CLOSED_RELEASE_DAYS * DAY_MS) {
            const age = Math.floor((input.now.getTime() - release.createdAt.getTime()) / DAY_MS);
            return planned('fail', `${file.project} ${file.version} was released on ${release.createdAt.toISOString().slice(0, 10)} (${age} days ago), and PyPI refuses new files for releases older than ${CLOSED_RELEASE_DAYS} days: publish these files as a new version (for example a .post1 release)`);
        }
        const notes = [
            listing.kind === 'unknown' ? `not compared with the index: ${listing.reason}` : 'new file',
            release.kind === 'unknown' ? `release age not checked: ${release.reason}` : undefined,
        ].filter(Boolean);
        return planned('upload', notes.join('; '));
    });
}
/** The sdists a simple-API listing shows for a version, read from their filenames. */
function sdistsOf(listing, project, version) {
    if (listing.kind !== 'known')
        return [];
    const wanted = releaseKey(project, version);
    return [...listing.files.keys()].filter((filename) => {
        const match = /^(.+)-([^-]+)\.(?:tar\.gz|zip|tar\.bz2|tgz)$/.exec(filename);
        return match !== null && releaseKey(project, match[2]) === wanted;
    });
}

;// CONCATENATED MODULE: ./src/dry-run/index-state.ts







const NO_SIMPLE_INDEX = "the index's simple API is not known for this repository-url: set 'check-url' to it (for example https://my-index.example/simple/)";
/**
 * Reads, without changing anything, what the index has for each project (simple API) and each
 * release (JSON API, for its age and its sdist). A look-up that fails is recorded as unknown, with
 * the reason: a dry run reports what it could not check rather than stopping.
 */
async function readIndexState(releases, options) {
    const state = { listings: new Map(), releases: new Map() };
    const { simpleIndex } = options;
    const jsonApi = simpleIndex ? jsonApiFor(simpleIndex) : undefined;
    // Once the index cannot be reached, asking again for each project and release only adds retries.
    const unknownAfterUnreached = () => state.unreached ? { kind: 'unknown', reason: state.unreached } : undefined;
    for (const { project, version } of releases) {
        const name = normalizeName(project);
        if (!state.listings.has(name))
            state.listings.set(name, unknownAfterUnreached() ??
                (simpleIndex
                    ? await readListing(simpleIndex, project, options, state)
                    : { kind: 'unknown', reason: NO_SIMPLE_INDEX }));
        const key = releaseKey(project, version);
        if (state.releases.has(key))
            continue;
        state.releases.set(key, unknownAfterUnreached() ??
            (jsonApi
                ? await readRelease(jsonApi, project, version, options, state)
                : {
                    kind: 'unknown',
                    reason: simpleIndex ? 'this index has no JSON API next to its simple API' : NO_SIMPLE_INDEX,
                }));
    }
    return state;
}
async function readListing(simpleIndex, project, options, state) {
    try {
        const files = await (0,retry/* withRetries */.LH)(`Looking up ${project} on the index`, options.retry, options.log, () => listedDigests(simpleIndex, project, options.credentials));
        return { kind: 'known', files };
    }
    catch (error) {
        if (!(error instanceof common_errors/* PublishError */.S1))
            throw error;
        if (causedByTransport(error))
            state.unreached ??= error.message;
        return { kind: 'unknown', reason: error.message };
    }
}
/** No answer at all (refused, reset, timed out, DNS), as opposed to an answer that said no. */
function causedByTransport(error) {
    for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++)
        if (cause instanceof http/* TransportError */.wX)
            return true;
    return false;
}
/** Warehouse's JSON API sits next to its simple API: https://pypi.org/simple/ → https://pypi.org/pypi/. */
function jsonApiFor(simpleIndex) {
    const path = simpleIndex.pathname.endsWith('/') ? simpleIndex.pathname : `${simpleIndex.pathname}/`;
    if (!path.endsWith('/simple/'))
        return undefined;
    return new URL(`${path.slice(0, -'simple/'.length)}pypi/`, simpleIndex.origin);
}
async function readRelease(jsonApi, project, version, options, state) {
    const url = new URL(`${encodeURIComponent(normalizeName(project))}/${encodeURIComponent(version)}/json`, jsonApi);
    const failed = (reason, cause) => new common_errors/* PublishError */.S1(`Could not read ${url.href}: ${reason}.`, { cause });
    try {
        const response = await (0,retry/* withRetries */.LH)(`Looking up ${project} ${version} on the index`, options.retry, options.log, async () => {
            let answer;
            try {
                answer = await (0,http/* send */.tN)(url, { headers: { accept: 'application/json' }, idleTimeoutMs: 60_000 });
            }
            catch (error) {
                (0,retry/* retryOnTransport */.Tj)(error, (transport) => failed(transport.message, transport));
            }
            return (0,retry/* retryOnStatus */.YS)(answer, `${(0,http/* statusLine */.Bs)(answer.status)}: ${(0,http/* serverMessage */.x_)(answer)}`, failed((0,http/* statusLine */.Bs)(answer.status)));
        });
        if (response.status === 404)
            return { kind: 'absent' };
        if (response.status !== 200)
            return { kind: 'unknown', reason: `${url.href} answered ${(0,http/* statusLine */.Bs)(response.status)}` };
        const release = parseReleaseJson(response.body);
        return release ?? { kind: 'unknown', reason: `${url.href} did not answer with a release in JSON` };
    }
    catch (error) {
        if (!(error instanceof common_errors/* PublishError */.S1))
            throw error;
        if (causedByTransport(error))
            state.unreached ??= error.message;
        return { kind: 'unknown', reason: error.message };
    }
}
/**
 * `GET /pypi/<name>/<version>/json`: its `urls` are the release's files. The release was created
 * when its first file was uploaded (the API has no field for the release's own date).
 */
function parseReleaseJson(body) {
    const parsed = (0,http/* parseJson */.qF)(body);
    if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.urls))
        return undefined;
    let createdAt;
    const sdists = [];
    for (const file of parsed.urls) {
        if (!file || typeof file !== 'object')
            continue;
        const { filename, packagetype, upload_time_iso_8601: uploaded } = file;
        if (packagetype === 'sdist' && typeof filename === 'string')
            sdists.push(filename);
        const time = typeof uploaded === 'string' ? new Date(uploaded) : undefined;
        if (time && !Number.isNaN(time.getTime()) && (!createdAt || time < createdAt))
            createdAt = time;
    }
    return { kind: 'known', createdAt, sdists };
}
/** Basic credentials for a private index's look-ups, for the upload URL's origin only. */
function lookupCredentials(uploadUrl, user, password) {
    if (!password || !(0,urls/* credentialsAllowed */.H2)(uploadUrl))
        return undefined;
    return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, origin: uploadUrl.origin };
}

;// CONCATENATED MODULE: ./src/dry-run/plan-report.ts



const VERB = { upload: 'would upload', skip: 'would skip', fail: 'would FAIL' };
const LABEL = {
    upload: '⬆️ would upload',
    skip: '⏭️ would skip',
    fail: '❌ would fail',
};
const AUTH_LABEL = { ok: 'works', failed: 'FAILS', 'not-tried': 'not tried' };
function dryRunSucceeds(report) {
    return report.auth.kind !== 'failed' && report.files.every((file) => file.action !== 'fail');
}
/** The plan as log lines: one block per file, then authentication, attestations and the verdict. */
function planLogLines(report) {
    const lines = [`Dry run: nothing is uploaded to ${report.indexUrl.href}. The plan:`];
    for (const file of report.files) {
        lines.push(`  ${(0,log_text/* outside */.q)(file.filename)} (${file.size} bytes, sha256 ${file.sha256}): ${VERB[file.action]}: ${(0,log_text/* outside */.q)(file.reason)}`);
        const attestation = report.attestations.files?.get(file.filename);
        if (attestation)
            lines.push(`    attestation: ${(0,log_text/* outside */.q)(attestation)}`);
    }
    if (report.unreached)
        lines.push(`  Index: not reached: ${(0,log_text/* outside */.q)(report.unreached)}`);
    lines.push(`  Authentication: ${AUTH_LABEL[report.auth.kind]}: ${(0,log_text/* outside */.q)(report.auth.detail)}`);
    lines.push(`  Attestations: ${report.attestations.summary}`);
    lines.push(verdict(report));
    return lines;
}
function verdict(report) {
    const count = (action) => report.files.filter((f) => f.action === action).length;
    const tally = `${count('upload')} to upload, ${count('skip')} to skip, ${count('fail')} to fail`;
    if (!dryRunSucceeds(report))
        return `The real run would FAIL (${tally}${report.auth.kind === 'failed' ? '; authentication fails' : ''}).`;
    if (report.unreached)
        return (`The index could not be reached, so this plan (${tally}) is only what the files themselves allow: ` +
            'whether the index already has any of them, with the same or other content, and whether their releases still take new files, is unknown' +
            `${report.auth.kind === 'not-tried' ? ', and authentication was not tried' : ''}. Run the dry run again where the index can be reached.`);
    return `The real run would succeed (${tally})${report.auth.kind === 'not-tried' ? ', if authentication works (not tried)' : ''}.`;
}
function planMarkdown(report) {
    const lines = [`### Dry run: publishing to ${report.indexUrl.host}`, ''];
    if (report.reason)
        lines.push(`> ${(0,markdown/* markdownCell */.U)(report.reason)}`, '');
    lines.push(`**${(0,markdown/* markdownCell */.U)(verdict(report))}** Nothing was uploaded.`, '');
    lines.push('| File | Size | SHA-256 | Plan | Why |', '| --- | ---: | --- | --- | --- |');
    for (const file of report.files) {
        const attestation = report.attestations.files?.get(file.filename);
        lines.push(`| ${(0,markdown/* markdownCell */.U)(file.filename)} | ${formatSize(file.size)} | \`${file.sha256}\` | ${LABEL[file.action]} | ${(0,markdown/* markdownCell */.U)(file.reason)}${attestation ? `; attestation: ${(0,markdown/* markdownCell */.U)(attestation)}` : ''} |`);
    }
    lines.push('', ...(report.unreached ? [`- **Index:** not reached: ${(0,markdown/* markdownCell */.U)(report.unreached)}`] : []), `- **Authentication:** ${AUTH_LABEL[report.auth.kind]}: ${(0,markdown/* markdownCell */.U)(report.auth.detail)}`, `- **Attestations:** ${(0,markdown/* markdownCell */.U)(report.attestations.summary)}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/dry-run/dry-run.ts







/**
 * Everything a real run would do up to the upload, read-only: the token exchange (its token burned
 * at once), then what the index has; the plan is logged.
 */
async function dryRun(prepared, context) {
    const auth = await checkAuthentication(context);
    const releases = prepared.map((item) => ({ project: projectName(item), version: versionOf(item) }));
    const state = await readIndexState(releases, {
        simpleIndex: context.simpleIndex,
        credentials: lookupCredentials(context.uploadUrl, context.user, context.password),
        uploadUrl: context.uploadUrl,
        retry: context.retry,
        log: context.log,
    });
    const files = planFiles({
        files: prepared.map((item, index) => ({
            filename: item.dist.filename,
            kind: item.dist.kind,
            size: item.digests.size,
            sha256: item.digests.sha256,
            ...releases[index],
        })),
        ...state,
        now: context.now ?? new Date(),
    });
    const attestations = await planAttestations({
        enabled: context.attestations,
        trustedPublishing: !context.password,
        repositoryUrl: context.uploadUrl,
        packagesDir: context.packagesDir,
        env: context.env,
        files: files.map(({ filename, sha256 }) => ({ filename, sha256 })),
    });
    const report = {
        indexUrl: context.uploadUrl,
        files,
        auth,
        attestations,
        reason: context.reason,
        unreached: state.unreached,
    };
    for (const line of planLogLines(report))
        context.log(line);
    const markdown = planMarkdown(report);
    if (dryRunSucceeds(report))
        return { markdown };
    const problems = [
        ...files.filter((f) => f.action === 'fail').map((f) => `- ${f.filename}: ${f.reason}`),
        ...(auth.kind === 'failed' ? [`- authentication: ${auth.detail}`] : []),
    ];
    const failure = new common_errors/* PublishError */.S1(`Dry run: ${verdict(report)}\n${problems.join('\n')}`, {
        hint: 'Fix what each line above names before the real run; nothing was uploaded.',
        details: markdown,
    });
    return { markdown, failure };
}
async function checkAuthentication(context) {
    if (context.password) {
        return {
            kind: 'not-tried',
            detail: `with a password (user '${context.user}'), the index checks the token only when a file is uploaded, so a dry run cannot tell whether it works`,
        };
    }
    if (!context.hasOidc) {
        return {
            kind: 'not-tried',
            detail: 'trusted publishing, but this job has no OIDC environment (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set), so the token exchange was not tried; on GitHub it needs `permissions: id-token: write`',
        };
    }
    try {
        await context.credentials.current();
        return {
            kind: 'ok',
            detail: `trusted publishing: ${context.uploadUrl.host} exchanged this job's OIDC token for an upload token (revoked again at once)`,
        };
    }
    catch (error) {
        if (!(error instanceof common_errors/* PublishError */.S1))
            throw error;
        return { kind: 'failed', detail: error.hint ? `${error.message} How to fix: ${error.hint}` : error.message };
    }
    finally {
        await context.burnTokens();
    }
}
function versionOf(prepared) {
    return getField(prepared.metadata, 'Version') ?? prepared.dist.version;
}

;// CONCATENATED MODULE: ./src/main.ts




















const DEFAULT_TUNING = {
    retry: {
        baseDelayMs: retry/* DEFAULT_RETRY_POLICY */.cO.baseDelayMs,
        maxDelayMs: retry/* DEFAULT_RETRY_POLICY */.cO.maxDelayMs,
        totalMs: retry/* DEFAULT_RETRY_POLICY */.cO.totalMs,
    },
    idleTimeoutMs: http/* DEFAULT_IDLE_TIMEOUT_MS */.C9,
    tokenRenewMarginMs: 4 * 60_000,
};
/**
 * Publishes every dist in packages-dir. Nothing is uploaded unless every file passes pre-flight.
 * Outputs and the job summary are written however it ends.
 */
async function run(inputs, context) {
    const reports = [];
    const attestationPaths = [];
    const summary = {};
    const background = [];
    try {
        await publishAll(inputs, context, reports, attestationPaths, summary, background);
    }
    catch (error) {
        await Promise.allSettled(background);
        await writeResults(context.io, inputs.repositoryUrl, reports, attestationPaths, error, summary.dryRunPlan);
        throw error;
    }
    await Promise.allSettled(background);
    await writeResults(context.io, inputs.repositoryUrl, reports, attestationPaths, undefined, summary.dryRunPlan);
    return reports;
}
async function publishAll(inputs, { io, runner, job = { eventName: runner.eventName, actionRef: undefined, actionRepository: undefined }, tuning: tuningOverrides, env = process.env, headStart: startedHeadStart, postStepRevokes = false, }, reports, attestationPaths, summary, background) {
    if (inputs.password)
        io.setSecret(inputs.password);
    const tuning = { ...DEFAULT_TUNING, ...tuningOverrides };
    const retry = { ...tuning.retry, attempts: inputs.retries + 1 };
    // Network first: the exchange's first requests leave before the dists are even found.
    const headStart = startedHeadStart ??
        (0,head_start/* startOidcExchange */.n)(inputs, runner, job, {
            mask: (secret) => {
                io.setSecret(secret);
            },
            retry,
            log: (message) => {
                io.info(message);
            },
        });
    const hasOidc = Boolean(runner.requestUrl && runner.requestToken);
    const underAct = env.ACT === 'true';
    const mode = decideDryRun({ requested: inputs.dryRun, underAct, hasPassword: Boolean(inputs.password), hasOidc });
    if (mode.notice)
        io.notice(mode.notice);
    const pinning = (0,diagnostics/* pinningWarning */.gE)(job);
    if (pinning)
        io.warning(pinning, 'Pin actions by commit SHA');
    const { dists, ignored: others } = await discoverDists(inputs.packagesDir);
    const ignored = others.filter((name) => !isAttestationFilename(name));
    if (ignored.length)
        io.notice(`Ignoring files in '${inputs.packagesDir}' that are not distributions: ${ignored.join(', ')}`);
    const refusal = (0,diagnostics/* eventRefusal */.jB)(job, !inputs.password);
    if (refusal)
        throw refusal;
    const minted = new burn/* MintedTokens */.My(inputs.repositoryUrl, (name, value) => io.saveState?.(name, value));
    const burnLog = {
        info: (message) => {
            io.info(message);
        },
        debug: (message) => io.debug?.(message),
        warning: (message) => {
            io.warning(message, 'Upload token');
        },
    };
    // The token exchange runs while the files are checked; its outcome counts only once they all pass.
    // (A token minted for a run that then fails pre-flight is revoked by the post step.)
    const credentials = credentialSource(inputs, runner, io, dists, retry, tuning.tokenRenewMarginMs, minted, headStart);
    const firstCredentials = credentials.current();
    background.push(firstCredentials.catch(() => undefined));
    const { checked, warnings } = await preflight(dists, inputs.verifyMetadata, io);
    for (const problem of warnings)
        io.warning(`${problem.file}: ${problem.field}: ${problem.message} ${problem.fix}`, 'Metadata');
    io.info(`Checked ${checked.length} distribution${checked.length === 1 ? '' : 's'}: ${checked.map((p) => (0,log_text/* outside */.q)(p.dist.filename)).join(', ')}`);
    for (const item of checked)
        reports.push(fileReport(item, 'not attempted', inputs.repositoryUrl));
    const noteDigests = (index, { sha256, blake2_256 }) => {
        const report = reports[index];
        if (report.sha256)
            return;
        report.sha256 = sha256;
        report.blake2_256 = blake2_256;
        if (inputs.printHash)
            io.info(`${(0,log_text/* outside */.q)(report.filename)}\n  sha256:      ${sha256}\n  blake2_256:  ${blake2_256}`);
    };
    const preparation = prepareInBackground(checked, noteDigests);
    background.push(preparation.settled);
    if (mode.dryRun) {
        const plan = await dryRun(await preparation.all(), {
            ...inputs,
            uploadUrl: inputs.repositoryUrl,
            simpleIndex: simpleIndexFor(inputs.repositoryUrl, inputs.checkUrl),
            hasOidc,
            credentials,
            burnTokens: () => minted.burnAll(burnLog),
            retry,
            env,
            log: (message) => {
                io.info(message);
            },
            reason: mode.notice,
        });
        summary.dryRunPlan = plan.markdown;
        if (plan.failure)
            throw plan.failure;
        return;
    }
    const context = {
        url: inputs.repositoryUrl,
        credentials,
        skipExisting: inputs.skipExisting,
        simpleIndex: simpleIndexFor(inputs.repositoryUrl, inputs.checkUrl),
        retry,
        idleTimeoutMs: tuning.idleTimeoutMs,
        log: (message) => {
            io.info(message);
        },
        warn: (message) => {
            io.warning(message);
        },
    };
    // Fail before the first upload, not halfway, when no token can be had.
    await firstCredentials;
    // Signing covers every file at once, so with attestations the uploads wait for all digests.
    const signing = attestationPolicy(inputs.repositoryUrl, !inputs.password, inputs.attestations, env).attest;
    const attested = await attestDists(signing
        ? (await preparation.all()).map(({ dist, digests }) => ({ filename: dist.filename, sha256: digests.sha256 }))
        : [], inputs, {
        identityToken: (audience) => (0,oidc/* runnerIdToken */.TA)(runner, audience, {
            mask: (s) => {
                io.setSecret(s);
            },
            retry,
            log: context.log,
        }),
        claimsOf: oidc/* decodeClaims */.Yq,
        retryDelayMs: tuning.retry.baseDelayMs,
        env,
        io,
    });
    attestationPaths.push(...attested.written);
    for (const [index, item] of checked.entries()) {
        const attestation = attested.byFile.get(item.dist.filename);
        if (attestation)
            reports[index].attestations = attestation.labels;
    }
    await runFirstThenParallel(checked, inputs.parallel, async (_checked, index) => {
        const item = await preparation.at(index);
        item.attestations = attested.byFile.get(item.dist.filename)?.field;
        const report = reports[index];
        io.info(`Uploading ${(0,log_text/* outside */.q)(item.dist.filename)} (${item.dist.size} bytes) to ${inputs.repositoryUrl.href}`);
        if (inputs.verbose)
            io.info(`  form fields: ${describeFields(uploadFormFields(item))}${item.digests ? '' : '; after the file: sha256_digest, blake2_256_digest (hashed as it is sent)'}`);
        report.result = 'failed';
        const outcome = await publishDist(context, item).catch((error) => {
            throw withAttestationAdvice(error);
        });
        report.result = outcome.result;
        // A large file's digests come from its upload, which hashed it on the way.
        if (outcome.digests)
            noteDigests(index, outcome.digests);
        if (inputs.verbose)
            io.info(`  ${(0,log_text/* outside */.q)(item.dist.filename)}: ${outcome.status ? `the index answered ${outcome.status}` : 'no upload needed'} after ${outcome.milliseconds} ms, ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`);
        if (outcome.result === 'skipped')
            io.notice(`Skipped ${(0,log_text/* outside */.q)(item.dist.filename)}: ${outcome.note ?? 'the index already has it'}.`);
        else
            io.info(`Uploaded ${(0,log_text/* outside */.q)(item.dist.filename)}${outcome.note ? ` (${(0,log_text/* outside */.q)(outcome.note)})` : ''}`);
    });
    // The step's state holds the tokens until they are burned (MintedTokens), and the post step
    // (src/post.ts) burns what it finds there: after a failure, and after a success too when there is
    // a post step, so that this run ends with its last upload instead of one more round trip.
    if (postStepRevokes) {
        if (minted.count)
            io.info(`The upload token${minted.count === 1 ? ' is' : 's are'} revoked by this action's post step, at the end of the job.`);
    }
    else
        await minted.burnAll(burnLog);
}


/***/ })

};
