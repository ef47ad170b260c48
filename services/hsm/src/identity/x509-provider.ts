import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// @peculiar/x509 signs through WebCrypto; point it at Node's implementation
// once, before any certificate is made. Importing x509 from this module is
// what guarantees the order.
x509.cryptoProvider.set(webcrypto);

export { x509 };
