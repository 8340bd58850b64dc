package cn.hlj.remoteeval.crossprovince.exchange;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;

/**
 * Two threads for sending and handling right after a commit; more work waits for the next poll. Not an
 * {@link java.util.concurrent.Executor} bean, so that it never becomes the application's executor for
 * asynchronous listeners.
 */
class ExchangeWorkers implements DisposableBean {

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4),
            runnable -> {
                Thread thread = new Thread(runnable, "exchange-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    Executor executor() {
        return pool;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
