import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type View = 'home' | 'settings';

export interface NavSlice {
  view: View;
  navigate(view: View): void;
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  view: 'home',
  navigate: (view) => set({ view }),
});
