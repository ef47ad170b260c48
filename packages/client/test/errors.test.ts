import { status as Status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  BusyError,
  ClusterUnavailableError,
  HsmError,
  KeyAvailabilityError,
  KeyNotFoundError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
} from '../src/errors';
import {
  isBusy,
  isKeyAvailability,
  isKeyNotFound,
  isNotFound,
  isPermissionDenied,
} from '../src/error-guards';
import { RpcFailure } from '../src/rpc-failure';
import { errorFromFailure } from '../src/status-mapping';

describe('status mapping', () => {
  it.each([
    [Status.NOT_FOUND, KeyNotFoundError],
    [Status.PERMISSION_DENIED, PermissionDeniedError],
    [Status.UNAUTHENTICATED, UnauthenticatedError],
    [Status.RESOURCE_EXHAUSTED, BusyError],
    [Status.UNAVAILABLE, ClusterUnavailableError],
  ])('maps code %s to its class with node, code and cause', (code, type) => {
    const failure = new RpcFailure(code, 'why', 'hsm-2');
    const err = errorFromFailure(failure, { operation: 'sign', handle: 'key-1' });
    expect(err).toBeInstanceOf(type);
    expect(err).toBeInstanceOf(HsmError);
    expect(err.nodeId).toBe('hsm-2');
    expect(err.code).toBe(code);
    expect(err.cause).toBe(failure);
  });

  it('names the key in KeyNotFoundError and maps other NOT_FOUNDs to NotFoundError', () => {
    const failure = new RpcFailure(Status.NOT_FOUND, 'gone', 'hsm-1');
    const keyErr = errorFromFailure(failure, { operation: 'sign', handle: 'key-9' });
    expect((keyErr as KeyNotFoundError).handle).toBe('key-9');
    expect(keyErr.message).toContain('key-9');
    const userErr = errorFromFailure(failure, { operation: 'deleteUser' });
    expect(userErr).toBeInstanceOf(NotFoundError);
    expect(userErr).not.toBeInstanceOf(KeyNotFoundError);
  });
});

describe('error helpers', () => {
  it('find an error class anywhere in the cause chain', () => {
    const inner = new KeyAvailabilityError('short', 1, 2, 'key-1');
    const outer = new Error('wrapped', { cause: new Error('middle', { cause: inner }) });
    expect(isKeyAvailability(outer)).toBe(true);
    expect(isBusy(outer)).toBe(false);
  });

  it('treat a KeyNotFoundError as a NotFoundError too', () => {
    const err = new KeyNotFoundError('x', 'key-1');
    expect(isKeyNotFound(err)).toBe(true);
    expect(isNotFound(err)).toBe(true);
    expect(isPermissionDenied(err)).toBe(false);
  });

  it('match errors from another copy of the SDK by name', () => {
    const foreign = new Error('denied');
    foreign.name = 'PermissionDeniedError';
    expect(isPermissionDenied(foreign)).toBe(true);
  });

  it('carry replicas and required on KeyAvailabilityError', () => {
    const err = new KeyAvailabilityError('only one', 1, 2, 'key-3');
    expect(err).toMatchObject({
      name: 'KeyAvailabilityError',
      replicas: 1,
      required: 2,
      handle: 'key-3',
    });
  });
});
