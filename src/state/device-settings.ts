/**
 * Settings that belong to this device and never to a link: a basemap API key and a custom tile URL.
 * Kept in localStorage (zustand's persist middleware), never in the URL, a shared link, an export or
 * a log. Storage that is unavailable (private mode, a blocked cookie policy) just means nothing is
 * remembered.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface DeviceSettings {
  tiandituKey: string | null;
  customUrl: string | null;
  setTiandituKey: (key: string | null) => void;
  setCustomUrl: (url: string | null) => void;
}

export const DEVICE_SETTINGS_STORAGE_KEY = 'gz-parks-atlas.device-settings';

export const useDeviceSettings = create<DeviceSettings>()(
  persist(
    (set) => ({
      tiandituKey: null,
      customUrl: null,
      setTiandituKey: (key) => set({ tiandituKey: key?.trim() || null }),
      setCustomUrl: (url) => set({ customUrl: url?.trim() || null }),
    }),
    {
      name: DEVICE_SETTINGS_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ tiandituKey: s.tiandituKey, customUrl: s.customUrl }),
    },
  ),
);
