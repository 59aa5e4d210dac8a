import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { useErrorMessage } from '../../app/use-error-message';
import { useAppStore } from '../../store/app-store';
import { failureText } from './ReceiveCard';

/** How often the panel asks who is connected while it shows. */
const POLL_MS = 1500;

/**
 * *Host this delegation* (off by default; while on, the address, pairing code and QR code,
 * and the laptops connected, each with Remove) and *Join* (address and code). Only forums
 * shared with the delegation travel.
 */
export function NetworkCard() {
  const { t } = useTranslation('share');
  const status = useAppStore((s) => s.lanStatus);
  const loadLanStatus = useAppStore((s) => s.loadLanStatus);
  const hostLan = useAppStore((s) => s.hostLan);
  const joinLan = useAppStore((s) => s.joinLan);
  const removeLanPeer = useAppStore((s) => s.removeLanPeer);
  const stopLan = useAppStore((s) => s.stopLan);
  const errorMessage = useErrorMessage();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // A failed look (the app locking meanwhile) is tried again at the next tick.
    const look = () => void loadLanStatus().catch(() => undefined);
    look();
    const timer = setInterval(look, POLL_MS);
    return () => clearInterval(timer);
  }, [loadLanStatus]);

  async function act(run: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await run();
    } catch (failure) {
      setError(failureText(failure, errorMessage));
    } finally {
      setBusy(false);
    }
  }

  function join(event: FormEvent) {
    event.preventDefault();
    void act(() => joinLan(address, code));
  }

  return (
    <section className="card share-card" aria-labelledby="share-network">
      <h2 id="share-network">{t('network.title')}</h2>
      <p className="help">{t('network.intro')}</p>
      {status?.mode === 'hosting' && (
        <div className="lan-hosting">
          <p className="share-state shared" role="status">
            {t('network.hosting')}
          </p>
          <div className="lan-invitation">
            <dl className="lan-facts">
              <dt>{t('network.address')}</dt>
              <dd className="lan-address">{status.address}</dd>
              <dt>{t('network.code')}</dt>
              <dd className="lan-code">{status.code}</dd>
            </dl>
            <img
              className="lan-qr"
              alt={t('network.qr')}
              src={`data:image/svg+xml;utf8,${encodeURIComponent(status.qrSvg)}`}
            />
          </div>
          <p className="help">{t('network.codeHelp')}</p>
          <h3>{t('network.peers')}</h3>
          {status.peers.length === 0 ? (
            <p className="help">{t('network.noPeers')}</p>
          ) : (
            <ul className="lan-peers" aria-label={t('network.peers')}>
              {status.peers.map((peer) => (
                <li key={peer.fingerprint}>
                  <span data-user-content>{peer.name}</span>
                  <span className="help">{peer.remoteAddress}</span>
                  <button
                    type="button"
                    className="button subtle"
                    disabled={busy}
                    aria-label={t('network.removeLabel', { name: peer.name })}
                    onClick={() => void act(() => removeLanPeer(peer.fingerprint))}
                  >
                    {t('network.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <PanelAction
            label={t('network.stopHosting')}
            busy={busy}
            onClick={() => void act(stopLan)}
          />
        </div>
      )}
      {status?.mode === 'joined' && (
        <div className="lan-joined">
          <p
            className={`share-state${status.state === 'connected' ? ' shared' : ''}`}
            role="status"
          >
            {status.state === 'connected'
              ? t('network.joined', { host: status.hostName, address: status.address })
              : status.state === 'refused'
                ? t(`network.refused.${refusal(status.reason)}`, { address: status.address })
                : t('network.connecting', { address: status.address })}
          </p>
          <PanelAction label={t('network.leave')} busy={busy} onClick={() => void act(stopLan)} />
        </div>
      )}
      {status?.mode === 'off' && (
        <>
          <p className="share-state">{t('network.off')}</p>
          <PanelAction
            label={t('network.host')}
            busy={busy}
            primary
            onClick={() => void act(hostLan)}
          />
          <form className="lan-join" onSubmit={join} aria-labelledby="share-join">
            <h3 id="share-join">{t('network.joinTitle')}</h3>
            <Field
              label={t('network.joinAddress')}
              help={t('network.joinAddressHelp')}
              value={address}
              onChange={setAddress}
              autoComplete="off"
            />
            <Field
              label={t('network.joinCode')}
              value={code}
              onChange={setCode}
              autoComplete="off"
              inputMode="numeric"
            />
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy || !address.trim()}>
                {t('network.join')}
              </button>
            </div>
          </form>
        </>
      )}
      <p role="alert" className="form-error">
        {error ?? ''}
      </p>
    </section>
  );
}

/** The panel's one button for its state: host, stop hosting, leave. */
function PanelAction(props: {
  label: string;
  busy: boolean;
  primary?: boolean;
  onClick: () => void;
}) {
  return (
    <div className="form-actions">
      <button
        type="button"
        className={props.primary ? 'button primary' : 'button'}
        disabled={props.busy}
        onClick={props.onClick}
      >
        {props.label}
      </button>
    </div>
  );
}

const REFUSALS = [
  'wrong-code',
  'not-paired',
  'removed',
  'fingerprint-mismatch',
  'code-required',
] as const;

/** The refusals the panel words; anything else is "another version" (`protocol`). */
function refusal(reason: string): (typeof REFUSALS)[number] | 'protocol' {
  return (REFUSALS as readonly string[]).includes(reason)
    ? (reason as (typeof REFUSALS)[number])
    : 'protocol';
}
